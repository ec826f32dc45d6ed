// F12: the current view written to a new PNG in the chosen folder, through the export code, in
// the app's own (here: offscreen) GL context.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/dataset_file.h"
#include "render/render_fixture.h"
#include "support/test_support.h"
#include "ui/app_state.h"
#include "ui/export_dialog.h"

namespace ntm::ui {
namespace {

namespace fs = std::filesystem;

class ScreenshotTest : public test::GlTest {};

TEST_F(ScreenshotTest, CurrentViewGoesToANewFileInTheFolder) {
    io::DatasetFile file = io::load_dataset(NTM_DEMO_DATASET);
    auto data = std::make_unique<LoadedData>();
    data->dataset = std::move(file.dataset);
    data->geometry = std::move(file.geometry);
    data->prepare_derived(2);
    AppState state;
    state.set_data(std::move(data));
    state.set_date(*parse_date("2020-07-31"));

    const std::string dir = test::temp_dir("f12") + "/Ảnh chụp";  // made when missing
    const auto camera = render::Camera::fit(state.geometry().bounds(), 640, 480, 10);
    ExportDialog dialog;
    const std::string first = dialog.screenshot(state, camera, 640, 480, dir);
    EXPECT_FALSE(dialog.message_is_error()) << first;
    const std::string second = dialog.screenshot(state, camera, 640, 480, dir);
    EXPECT_FALSE(dialog.message_is_error()) << second;
    std::vector<fs::path> pngs;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png") pngs.push_back(e.path());
    ASSERT_EQ(pngs.size(), 2u) << "two presses, two files: " << first << " / " << second;
    for (const fs::path& p : pngs) {
        EXPECT_NE(first.find(dir), std::string::npos) << "the message says where the file went";
        const std::string png = test::read_file(p.string());
        ASSERT_GT(png.size(), 24u);
        // IHDR: width and height, big-endian, at bytes 16..23.
        auto be32 = [&](size_t at) {
            return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
                   (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
        };
        EXPECT_EQ(be32(16), 640u);
        EXPECT_EQ(be32(20), 480u);
    }
    const std::string bad = dialog.screenshot(state, camera, 640, 480, "/proc/no-such-folder/x");
    EXPECT_TRUE(dialog.message_is_error()) << bad;
}

}  // namespace
}  // namespace ntm::ui
