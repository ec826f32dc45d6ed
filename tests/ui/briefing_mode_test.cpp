#include "ui/briefing_mode.h"

#include <gtest/gtest.h>
#include <imgui.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/demo.h"
#include "core/palette.h"
#include "core/state.h"
#include "core/statistics.h"
#include "geo/demo_tiling.h"
#include "support/test_support.h"
#include "ui/briefing_export.h"
#include "ui/views_panel.h"

namespace ntm::ui {
namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

std::unique_ptr<LoadedData> demo_data() {
    auto data = std::make_unique<LoadedData>();
    data->dataset = demo::make_demo_dataset();
    data->geometry.shapes = geo::make_demo_tiling(data->dataset);
    data->path = "demo";
    return data;
}

// A headless ImGui context: fonts built, no renderer (draw data is produced, not drawn).
struct ImGuiContextScope {
    ImGuiContextScope() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60;
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
};

struct Fixture {
    io::ViewsStore store;
    AppState state;
    Fixture() {
        state.set_data(demo_data());
        const std::string district = state.dataset().units.front().district_code;
        BriefingView a;
        a.title = "Toàn tỉnh — 31/07/2020";
        a.date = ymd(2020, 7, 31);
        a.compare_date = ymd(2015, 12, 31);
        store.views().create(a);
        BriefingView b;
        b.title = "Huyện đầu tiên";
        b.date = ymd(2022, 12, 31);
        b.focus = ViewFocus::District;
        b.district_code = district;
        b.highlighted_band = 1;
        store.views().create(b);
        BriefingView c;
        c.title = "Vùng — tiêu chí 17";
        c.date = ymd(2024, 6, 30);
        c.focus = ViewFocus::Extent;
        c.extent = {106.5, 21.5, 107.0, 22.0};
        c.highlighted_criterion = 17;
        store.views().create(c);
    }
};

TEST(BriefingMode, EnterShowsTheFirstSlideAtOnce) {
    Fixture f;
    BriefingMode mode(f.store);
    EXPECT_FALSE(mode.active());
    mode.enter(f.state, 0);
    EXPECT_TRUE(mode.active());
    EXPECT_EQ(mode.current(), 0);
    EXPECT_EQ(f.state.date(), ymd(2020, 7, 31));
    EXPECT_FALSE(mode.animating());
    auto request = f.state.take_view_request();
    ASSERT_TRUE(request);
    EXPECT_EQ(request->kind, ViewRequest::Kind::Fit);
    EXPECT_EQ(request->seconds, 0);
    EXPECT_EQ(mode.title(f.state), "Toàn tỉnh — 31/07/2020");
    // The cards agree with the app's summary on that date.
    const auto& cards = mode.cards(f.state);
    ASSERT_EQ(cards.size(), 5u);
    EXPECT_EQ(cards[0].value, f.state.summary().at_standard);
    EXPECT_EQ(cards[0].of, f.state.summary().xa_total);
    EXPECT_NEAR(cards[1].value, f.state.summary().average_criteria, 1e-9);
    EXPECT_EQ(cards[4].value, f.state.summary().below_threshold);
    ASSERT_TRUE(cards[0].compare_date);
    EXPECT_EQ(*cards[0].compare_date, ymd(2015, 12, 31));
}

TEST(BriefingMode, KeysStepAndTransitionsAnimateTheDate) {
    Fixture f;
    BriefingMode mode(f.store);
    mode.enter(f.state, 0);
    f.state.take_view_request();
    mode.press(f.state, BriefingKey::PageDown);
    EXPECT_EQ(mode.current(), 1);
    EXPECT_TRUE(mode.animating());
    auto request = f.state.take_view_request();
    ASSERT_TRUE(request);
    EXPECT_EQ(request->kind, ViewRequest::Kind::District);
    EXPECT_GT(request->seconds, 0);
    EXPECT_EQ(f.state.highlighted_band(), 1);
    EXPECT_TRUE(f.state.highlighted_units().empty());  // no criterion on this slide
    // Half way the date lies between the two slides' dates; at the end it is the target.
    mode.update(f.state, 0.6);
    EXPECT_GT(f.state.date(), ymd(2020, 7, 31));
    EXPECT_LT(f.state.date(), ymd(2022, 12, 31));
    mode.update(f.state, 5);
    EXPECT_EQ(f.state.date(), ymd(2022, 12, 31));
    EXPECT_FALSE(mode.animating());
    // District scope: the cards count that district's xã only.
    EXPECT_LT(mode.cards(f.state)[0].of, f.state.summary().xa_total);

    mode.press(f.state, BriefingKey::Right);
    mode.update(f.state, 5);
    EXPECT_EQ(mode.current(), 2);
    EXPECT_EQ(f.state.highlighted_band(), -1);
    request = f.state.take_view_request();
    ASSERT_TRUE(request);
    EXPECT_EQ(request->kind, ViewRequest::Kind::Bounds);
    EXPECT_DOUBLE_EQ(request->bounds.min_x, 106.5);
    // Criterion 17: the xã missing it are highlighted, with a label.
    EXPECT_FALSE(f.state.highlighted_units().empty());
    EXPECT_NE(f.state.highlighted_units_label().find("17"), std::string::npos);

    mode.press(f.state, BriefingKey::Space);  // at the end: stays
    EXPECT_EQ(mode.current(), 2);
    mode.press(f.state, BriefingKey::Digit, 1);
    EXPECT_EQ(mode.typed(), "1");
    mode.press(f.state, BriefingKey::Enter);
    EXPECT_EQ(mode.current(), 0);
    mode.update(f.state, 5);
    EXPECT_TRUE(f.state.highlighted_units().empty());  // slide 1 highlights no criterion
    mode.press(f.state, BriefingKey::End);
    EXPECT_EQ(mode.current(), 2);
    mode.press(f.state, BriefingKey::Escape);
    EXPECT_FALSE(mode.active());
    EXPECT_TRUE(f.state.highlighted_units().empty());
}

TEST(BriefingMode, PlaybackRunsOverTheYearsAndPausesAnywhere) {
    Fixture f;
    BriefingMode mode(f.store);
    mode.enter(f.state, 0);
    mode.press(f.state, BriefingKey::Play);
    ASSERT_TRUE(mode.playback().playing());
    EXPECT_EQ(f.state.date(), ymd(2015, 12, 31));  // from the comparison date
    mode.update(f.state, 1.0);
    const Date paused_at = f.state.date();
    EXPECT_GT(paused_at, ymd(2015, 12, 31));
    mode.press(f.state, BriefingKey::Right);  // a clicker press pauses first
    EXPECT_FALSE(mode.playback().playing());
    EXPECT_EQ(mode.current(), 0);
    mode.update(f.state, 3.0);
    EXPECT_EQ(f.state.date(), paused_at);
    mode.press(f.state, BriefingKey::Play);  // resumes
    mode.update(f.state, 100);
    EXPECT_EQ(f.state.date(), ymd(2020, 7, 31));  // to the slide's date
    EXPECT_FALSE(mode.animating());
}

TEST(BriefingMode, HighContrastIsRestoredOnExit) {
    Fixture f;
    BriefingMode mode(f.store);
    mode.enter(f.state, 0);
    mode.press(f.state, BriefingKey::Contrast);
    EXPECT_EQ(current_palette(), PaletteKind::HighContrast);
    mode.exit(f.state);
    EXPECT_EQ(current_palette(), PaletteKind::Standard);
}

TEST(BriefingMode, NoSlidesShowsTheMapAsItIs) {
    io::ViewsStore store;
    AppState state;
    state.set_data(demo_data());
    state.set_date(ymd(2021, 3, 31));
    state.take_view_request();
    BriefingMode mode(store);
    mode.enter(state, 0);
    EXPECT_EQ(mode.current(), -1);
    EXPECT_EQ(state.date(), ymd(2021, 3, 31));
    mode.press(state, BriefingKey::Right);
    EXPECT_EQ(mode.current(), -1);
    EXPECT_NE(mode.title(state).find("Lạng Sơn"), std::string::npos);
}

TEST(BriefingMode, DrawsAnOverlayWithoutARenderer) {
    ImGuiContextScope imgui;
    Fixture f;
    BriefingMode mode(f.store);
    mode.enter(f.state, 1);
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        mode.handle_keys(f.state);
        mode.update(f.state, 1.0 / 60);
        mode.draw(f.state, ImVec2(0, 0), ImVec2(1920, 1080));
        ImGui::Render();
    }
    const ImDrawData* data = ImGui::GetDrawData();
    ASSERT_NE(data, nullptr);
    EXPECT_GT(data->TotalVtxCount, 1000);  // title, counter, cards, legend
}

// Every colour on the map is in the legend: hatched wards and grey "no data" too, and a band
// without data reads "—", not "0 xã".
TEST(BriefingMode, LegendExplainsNoDataAndNotApplicable) {
    const Dataset d = demo::make_demo_dataset();
    const AttainmentIndex index(d);
    const Date july2020 = ymd(2020, 7, 31);
    const Summary s = summarize(d, index.states(july2020), july2020);
    auto rows = briefing_legend_rows(d.criteria_on(july2020), s, true);
    ASSERT_EQ(rows.size(), 6u);  // five bands and the 19 phường/thị trấn
    EXPECT_EQ(rows[0].label, "19");
    EXPECT_EQ(rows[0].count, "51 xã");
    EXPECT_EQ(rows[5].kind, BriefingLegendRow::NotApplicable);
    EXPECT_EQ(rows[5].label, "Không áp dụng (phường, thị trấn)");
    EXPECT_EQ(rows[5].count, "19");
    const Date before = ymd(2005, 1, 1);
    const Summary none = summarize(d, index.states(before), before);
    rows = briefing_legend_rows(d.criteria_on(before), none, false);
    ASSERT_EQ(rows.size(), 7u);
    for (int b = 0; b < 5; ++b) EXPECT_EQ(rows[b].count, "—") << b;
    EXPECT_EQ(rows[5].kind, BriefingLegendRow::NoData);
    EXPECT_EQ(rows[5].label, "No data");
    EXPECT_EQ(rows[5].count, "181 xã");
    EXPECT_EQ(rows[6].label, "Not applicable (wards, townships)");
    EXPECT_EQ(s.not_applicable_kinds, (std::vector<UnitKind>{UnitKind::Phuong, UnitKind::ThiTran}));
    // After July 2025 the province has phường and no thị trấn: the legend names only those.
    Summary now = s;
    now.not_applicable_kinds = {UnitKind::Phuong};
    rows = briefing_legend_rows(d.criteria_on(july2020), now, true);
    EXPECT_EQ(rows.back().label, "Không áp dụng (phường)");
    EXPECT_EQ(not_applicable_label(now, false), "Not applicable (wards)");
}

// The overlay reports what it covers, so that the map's names keep clear of it.
TEST(BriefingMode, OverlayBoxesCoverTitleCardsAndLegend) {
    ImGuiContextScope imgui;
    Fixture f;
    BriefingMode mode(f.store);
    mode.enter(f.state, 0);
    ImGui::NewFrame();
    mode.draw(f.state, ImVec2(0, 0), ImVec2(1920, 1080));
    ImGui::Render();
    const auto& boxes = mode.overlay_boxes();
    ASSERT_GE(boxes.size(), 4u);  // title, counter, cards, legend
    bool legend = false, cards = false;
    for (const geo::Bounds& b : boxes) {
        EXPECT_GT(b.width(), 0);
        EXPECT_GT(b.height(), 0);
        legend = legend || (b.min_x < 100 && b.max_y > 1000 && b.height() > 150);  // bottom left
        cards = cards || (b.max_x > 1850 && b.min_y < 100 && b.height() > 300);    // right column
    }
    EXPECT_TRUE(legend);
    EXPECT_TRUE(cards);
}

TEST(BriefingMode, KeyMapping) {
    int digit = -1;
    EXPECT_EQ(briefing_key_of(GLFW_KEY_PAGE_DOWN, &digit), BriefingKey::PageDown);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_PAGE_UP, &digit), BriefingKey::PageUp);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_SPACE, &digit), BriefingKey::Space);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_KP_7, &digit), BriefingKey::Digit);
    EXPECT_EQ(digit, 7);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_3, &digit), BriefingKey::Digit);
    EXPECT_EQ(digit, 3);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_KP_ENTER, &digit), BriefingKey::Enter);
    EXPECT_EQ(briefing_key_of(GLFW_KEY_F5, &digit), BriefingKey::Other);
}

TEST(BriefingExport, FileNamesAndOptions) {
    EXPECT_EQ(briefing_png_name(0, 5, "Toàn tỉnh Lạng Sơn — 31/07/2020"), "01-toan-tinh-lang-son-31-07-2020.png");
    EXPECT_EQ(briefing_png_name(11, 12, ""), "12-view.png");
    EXPECT_EQ(briefing_png_name(4, 120, "Huyện Cao Lộc"), "005-huyen-cao-loc.png");
    Fixture f;
    const Dataset& d = f.state.dataset();
    render::ExportOptions base;
    base.width = 800;
    const auto o0 = export_options_for(d, f.store.views().at(0), base);
    EXPECT_EQ(o0.width, 800);
    EXPECT_EQ(o0.date, ymd(2020, 7, 31));
    EXPECT_EQ(o0.title, "Toàn tỉnh — 31/07/2020");
    EXPECT_EQ(o0.district, -1);
    EXPECT_FALSE(o0.view);
    const auto o1 = export_options_for(d, f.store.views().at(1), base);
    EXPECT_GE(o1.district, 0);
    EXPECT_EQ(d.districts()[o1.district].code, f.store.views().at(1).district_code);
    const auto o2 = export_options_for(d, f.store.views().at(2), base);
    ASSERT_TRUE(o2.view);
    EXPECT_DOUBLE_EQ(o2.view->max_y, 22.0);
}

TEST(ViewsPanel, LoadsTheViewsBesideTheDataAndDraws) {
    ImGuiContextScope imgui;
    const std::string dir = test::temp_dir("views-panel");
    auto data = demo_data();
    data->path = dir + "/demo.gpkg";
    {
        BriefingViews v;
        BriefingView a;
        a.title = "Đã lưu";
        a.date = ymd(2019, 12, 31);
        v.create(a);
        io::write_views_file(dir + "/demo.gpkg.views.json", v);
    }
    io::ViewsStore store;
    ViewsPanel panel(store);
    AppState state;
    state.set_data(std::move(data));
    panel.sync(state);
    EXPECT_EQ(store.path(), dir + "/demo.gpkg.views.json");
    ASSERT_EQ(store.views().size(), 1);
    EXPECT_EQ(store.views().at(0).title, "Đã lưu");
    ImGui::NewFrame();
    ImGui::Begin("views");
    panel.draw(state, geo::Bounds{});
    ImGui::End();
    ImGui::Render();
    EXPECT_FALSE(panel.take_start_request());
}

}  // namespace
}  // namespace ntm::ui
