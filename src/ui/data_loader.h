#pragma once
// Opens data on a background thread so the window never freezes: reads the dataset or boundary
// source (io::open_any, with the prepared-dataset cache), prepares the coarse levels of detail
// the overview draws, label anchors and the picking index, reporting progress.
// The GL upload happens on the UI thread when the result is taken. A failed load leaves what is
// shown untouched and reports why.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "geo/simplify.h"
#include "ui/app_state.h"

namespace ntm::ui {

struct LoadResult {
    std::string source;
    std::unique_ptr<LoadedData> data;  // null on failure
    geo::MapLevels levels;             // plan and complete (coarse) levels of data->geometry
    std::string error;                 // one line, when data is null
    double seconds = 0;
};

class DataLoader {
public:
    // `cache_dir`: where prepared copies of slow text sources go ("" for none).
    explicit DataLoader(std::string cache_dir = "");
    ~DataLoader();
    DataLoader(const DataLoader&) = delete;
    DataLoader& operator=(const DataLoader&) = delete;

    // Starts loading `source`. Returns false (and does nothing) while another load runs.
    bool start(const std::string& source);
    bool busy() const { return busy_; }
    const std::string& source() const { return source_; }
    double progress() const { return progress_; }
    std::string stage() const;
    // The finished load, once; nullopt while busy or when nothing finished.
    std::optional<LoadResult> take_result();
    // Blocks until the running load (if any) finishes.
    void wait();

private:
    void run(std::string source);

    std::string cache_dir_;
    std::thread thread_;
    std::atomic<bool> busy_{false};
    std::atomic<double> progress_{0};
    mutable std::mutex mutex_;
    std::string stage_;
    std::string source_;
    std::optional<LoadResult> result_;
};

}  // namespace ntm::ui
