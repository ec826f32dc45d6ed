// The reconciliation panel draws in a headless ImGui frame (no GL needed), in both languages,
// with and without data.
#include "ui/reconciliation_panel.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include "core/demo.h"
#include "geo/demo_tiling.h"

namespace ntm::ui {
namespace {

struct Frame {
    Frame() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 720);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Frame() { ImGui::DestroyContext(); }
    template <typename Fn>
    void draw(Fn fn) {
        ImGui::NewFrame();
        ImGui::Begin("Reconciliation");
        fn();
        ImGui::End();
        ImGui::Render();
    }
};

TEST(ReconciliationPanel, DrawsRowsInBothLanguages) {
    auto data = std::make_unique<LoadedData>();
    data->dataset = demo::make_demo_dataset();
    data->dataset.reported.push_back({Date::from_ymd(2020, 7, 31), "district:183", "xa_total", 99, "thử"});
    data->geometry.shapes = geo::make_demo_tiling(data->dataset);
    data->path = "demo";
    AppState state;
    ReconciliationPanel panel;
    Frame frame;
    frame.draw([&] { panel.draw(state); });  // no data yet
    state.set_data(std::move(data));
    for (Lang lang : {Lang::Vi, Lang::En}) {
        state.set_lang(lang);
        frame.draw([&] { panel.draw(state); });
        panel.set_only_flagged(true);
        frame.draw([&] { panel.draw(state); });
        panel.set_only_flagged(false);
    }
    EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 0);
    state.set_lang(Lang::Vi);
}

}  // namespace
}  // namespace ntm::ui
