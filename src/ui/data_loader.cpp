#include "ui/data_loader.h"

#include <chrono>

#include "core/error.h"
#include "io/dataset_file.h"

namespace ntm::ui {

DataLoader::DataLoader(std::string cache_dir) : cache_dir_(std::move(cache_dir)) {}

DataLoader::~DataLoader() { wait(); }

bool DataLoader::start(const std::string& source) {
    if (busy_) return false;
    wait();  // join the finished thread
    busy_ = true;
    progress_ = 0;
    source_ = source;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stage_ = tr("đang mở", "opening");
        result_.reset();
    }
    thread_ = std::thread(&DataLoader::run, this, source);
    return true;
}

std::string DataLoader::stage() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stage_;
}

std::optional<LoadResult> DataLoader::take_result() {
    if (busy_) return std::nullopt;
    std::lock_guard<std::mutex> lock(mutex_);
    auto r = std::move(result_);
    result_.reset();
    return r;
}

void DataLoader::wait() {
    if (thread_.joinable()) thread_.join();
}

void DataLoader::run(std::string source) {
    const auto t0 = std::chrono::steady_clock::now();
    LoadResult result;
    result.source = source;
    auto set_stage = [this](const std::string& stage) {
        std::lock_guard<std::mutex> lock(mutex_);
        stage_ = stage;
    };
    try {
        // Reading is the first 70 % of the bar, levels of detail and indexes the rest.
        io::DatasetFile file = io::open_any(source, cache_dir_, [&](double f, const std::string& stage) {
            progress_ = 0.7 * f;
            set_stage(stage);
        });
        if (file.dataset.units.empty()) throw Error(source + ": no units");
        auto data = std::make_unique<LoadedData>();
        data->dataset = std::move(file.dataset);
        data->geometry = std::move(file.geometry);
        data->path = source;
        set_stage(tr("đang đơn giản hóa hình", "simplifying shapes"));
        progress_ = 0.7;
        result.levels = geo::prepare_levels(data->geometry, {}, 2);
        set_stage(tr("đang đặt nhãn", "placing labels"));
        progress_ = 0.9;
        data->prepare_derived(2);
        result.data = std::move(data);
    } catch (const std::exception& e) {
        result.data.reset();
        result.error = e.what();
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        result_ = std::move(result);
    }
    progress_ = 1;
    busy_ = false;
}

}  // namespace ntm::ui
