#include "ui/planner_table_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ui/app_state.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImVec4 kOk(0.0f, 0.50f, 0.22f, 1.0f);
const ImVec4 kError(0.78f, 0.12f, 0.12f, 1.0f);

bool hidden(const TableViewOptions& o, const std::string& id) {
    for (const std::string& h : o.hidden)
        if (h == id) return true;
    return false;
}

}  // namespace

std::string display_number(const std::string& text) {
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        if (const auto d = parse_date(text)) return format_date(*d);
    if (current_lang() != Lang::Vi) return text;
    std::string out = text;
    for (char& ch : out)
        if (ch == '.') ch = ',';
    return out;
}

namespace {

void draw_row(const Table& table, size_t r, const TableViewOptions& options, int tooltip_column, int wrap_column,
              TableClick& click) {
    const int columns = static_cast<int>(table.columns.size());
    ImGui::TableNextRow();
    ImGui::PushID(static_cast<int>(r));
    const int unit = r < table.row_unit.size() ? table.row_unit[r] : -1;
    const std::string& district = r < table.row_district.size() ? table.row_district[r] : std::string();
    const bool selected = (options.selection && unit >= 0 && options.selection->count(unit)) ||
                          (!options.selected_district.empty() && district == options.selected_district);
    bool first = true;
    for (int c = 0; c < columns; ++c) {
        // Hidden columns are skipped; the first shown one carries the row's selectable, even
        // when scrolled out of view (so a row can always be clicked).
        if (!(ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled)) continue;
        ImGui::TableSetColumnIndex(c);
        const std::string& raw = static_cast<size_t>(c) < table.rows[r].size() ? table.rows[r][c].text : "";
        const std::string text = table.columns[c].numeric ? display_number(raw) : raw;
        ImVec4 colour;
        const bool coloured = options.cell_colour && options.cell_colour(r, c, colour);
        if (coloured) ImGui::PushStyleColor(ImGuiCol_Text, colour);
        if (first) {
            first = false;
            const std::string label = text + "##row";
            if (ImGui::Selectable(label.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                click.row = static_cast<int>(r);
                click.add = ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyShift;
            }
            if (tooltip_column >= 0 && ImGui::IsItemHovered()) {
                const std::string& tip = table.rows[r][tooltip_column].text;
                if (!tip.empty()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35.0f);
                    ImGui::TextUnformatted(tip.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
            }
        } else if (text.empty() && table.columns[c].numeric) {
            ImGui::TextDisabled("—");  // no value: not zero
        } else if (c == wrap_column) {
            ImGui::PushTextWrapPos(0.0f);  // the cell's right edge
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopTextWrapPos();
        } else {
            ImGui::TextUnformatted(text.c_str());
            if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text.c_str()).x > ImGui::GetColumnWidth())
                ImGui::SetTooltip("%s", text.c_str());
        }
        if (coloured) ImGui::PopStyleColor();
    }
    ImGui::PopID();
}

}  // namespace

TableClick draw_table(const char* id, const Table& table, PlannerState& planner, PlannerTable which,
                      const TableViewOptions& options, float reserve_below) {
    TableClick click;
    const int columns = static_cast<int>(table.columns.size());
    if (columns == 0) return click;
    const bool en = current_lang() == Lang::En;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    // A negative height leaves that much room below the table (the export field).
    if (!ImGui::BeginTable(id, columns, flags, ImVec2(0, -reserve_below))) return click;
    ImGui::TableSetupScrollFreeze(1, 1);
    const TableSort& sort = planner.sort(which);
    for (int c = 0; c < columns; ++c) {
        const TableColumn& col = table.columns[c];
        ImGuiTableColumnFlags f = 0;
        if (hidden(options, col.id)) f |= ImGuiTableColumnFlags_DefaultHide;
        if (col.id == sort.column)
            f |= ImGuiTableColumnFlags_DefaultSort |
                 (sort.ascending ? ImGuiTableColumnFlags_PreferSortAscending : ImGuiTableColumnFlags_PreferSortDescending);
        // The user id is the column index: headers change with the language, indices do not.
        ImGui::TableSetupColumn((en ? col.header_en : col.header_vi).c_str(), f, 0.0f, static_cast<ImGuiID>(c));
    }
    // Headers by hand: each wraps within its column, which is as wide as its cells or the
    // header's longest word ("Tỷ lệ đạt chuẩn" over three lines above "100,00" rather than cut
    // to "Tỷ lệ đạt chu"), and says its full text on hover.
    ImGuiTable* table_state = ImGui::GetCurrentTable();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float arrow_w = ImGui::GetFontSize() * 0.9f + style.ItemInnerSpacing.x;  // the sort arrow
    auto longest_word = [](const char* text) {
        float w = 0;
        for (const char* p = text; *p;) {
            const char* end = p;
            while (*end && *end != ' ') ++end;
            w = std::max(w, ImGui::CalcTextSize(p, end).x);
            p = *end ? end + 1 : end;
        }
        return w;
    };
    // The last shown column, when it holds text ("2 3 4 5 6 7 8 9 10", the names of xã), takes
    // the width the others leave and wraps, so it is neither cut at the panel's edge nor
    // scrolled to; only when that width is under 4 em does the table scroll sideways.
    // Positions are the last frame's layout, unscrolled; the width applies from the next frame.
    int fill = -1;
    for (int c = columns - 1; c >= 0; --c)
        if (table_state->Columns[c].IsEnabled) {
            if (!table.columns[c].numeric) fill = c;
            break;
        }
    if (fill >= 0 && table_state->Columns[fill].WorkMaxX > table_state->Columns[fill].WorkMinX) {
        const ImGuiTableColumn& col = table_state->Columns[fill];
        const float left = col.MinX + table_state->InnerWindow->Scroll.x;
        const float width = std::max(ImGui::GetFontSize() * 4, table_state->InnerClipRect.Max.x - left -
                                                                    table_state->CellPaddingX * 2 -
                                                                    table_state->CellSpacingX1 - table_state->CellSpacingX2);
        if (std::abs(width - col.WidthGiven) > 0.5f) ImGui::TableSetColumnWidth(fill, width);
    }

    float header_h = ImGui::GetTextLineHeight();
    for (int c = 0; c < columns; ++c) {
        const ImGuiTableColumn& col = table_state->Columns[c];
        if (!col.IsEnabled || col.WorkMaxX <= col.WorkMinX) continue;  // hidden, or not laid out yet
        const float wrap = std::max(1.0f, col.WorkMaxX - col.WorkMinX - (col.SortOrder != -1 ? arrow_w : 0));
        header_h = std::max(header_h, ImGui::CalcTextSize(ImGui::TableGetColumnName(c), nullptr, false, wrap).y);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, header_h + style.CellPadding.y * 2);
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(c);
        ImGui::TableHeader("##header");
        ImGui::PopID();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name);
        ImGuiTableColumn& col = table_state->Columns[c];
        const float arrow = col.SortOrder != -1 ? arrow_w : 0;  // only the sorted column draws one
        // At least its longest word, and wide enough to wrap in three lines, not eight.
        const float header_w = std::max(longest_word(name), ImGui::CalcTextSize(name).x / 3);
        col.ContentMaxXHeadersIdeal =
            std::max(col.ContentMaxXHeadersIdeal, col.WorkMinX + header_w + arrow + style.CellPadding.x + 1);
        const float wrap = std::max(1.0f, col.WorkMaxX - col.WorkMinX - arrow);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                            name, nullptr, wrap);
    }

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        if (specs->SpecsDirty) {
            TableSort next;
            if (specs->SpecsCount > 0) {
                const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
                if (s.ColumnUserID < static_cast<ImGuiID>(columns)) next.column = table.columns[s.ColumnUserID].id;
                next.ascending = s.SortDirection != ImGuiSortDirection_Descending;
            }
            planner.set_sort(which, next);
            specs->SpecsDirty = false;
        }
    }

    const int tooltip_column = options.tooltip_column.empty() ? -1 : table.column(options.tooltip_column);
    const size_t footer = std::min(table.rows.size(), static_cast<size_t>(std::max(0, options.footer_rows)));
    const size_t body = table.rows.size() - footer;
    // The clipper needs rows of one height: wrapped rows are all drawn, up to a province's
    // units (at most some hundreds); longer lists (the whole country) are clipped, their text
    // cut (with the full text on hover) rather than wrapped.
    const bool wrap = fill >= 0 && body <= 1000;
    if (wrap) {
        for (size_t r = 0; r < body; ++r) draw_row(table, r, options, tooltip_column, fill, click);
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(body));
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r)
                draw_row(table, static_cast<size_t>(r), options, tooltip_column, -1, click);
    }
    for (size_t r = body; r < table.rows.size(); ++r) {
        draw_row(table, r, options, tooltip_column, wrap ? fill : -1, click);
        // Totals stand apart from the rows above them.
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    }
    ImGui::EndTable();
    return click;
}

float CsvExportField::height() { return ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing(); }

void CsvExportField::draw(const char* id, const Table& table, const std::string& suggested) {
    ImGui::PushID(id);
    // Follow the suggestion (it carries the date) until the user writes a path of their own.
    if (suggested != suggested_) {
        if (path_[0] == '\0' || suggested_ == path_) {
            std::strncpy(path_, suggested.c_str(), sizeof path_ - 1);
            path_[sizeof path_ - 1] = '\0';
        }
        suggested_ = suggested;
    }
    const char* button = tr("Xuất CSV", "Export CSV");
    const char* excel = "Excel";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::CalcTextSize(button).x + style.FramePadding.x * 2 + style.ItemSpacing.x +
                        ImGui::GetFrameHeight() + ImGui::CalcTextSize(excel).x + style.ItemInnerSpacing.x +
                        style.ItemSpacing.x;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().x - right));
    const bool enter = ImGui::InputText("##path", path_, sizeof path_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Đường dẫn tệp CSV (tương đối: so với thư mục làm việc)",
                                   "CSV file path (relative paths: from the working directory)"));
    ImGui::SameLine();
    ImGui::Checkbox(excel, &excel_);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Dấu chấm phẩy và BOM UTF-8, để Excel tiếng Việt mở đúng",
                                   "Semicolons and a UTF-8 BOM, for Excel in locales with a decimal comma"));
    ImGui::SameLine();
    if (ImGui::Button(button) || enter) {
        const ExportResult r = export_table_csv(table, path_, current_lang() == Lang::En, excel_);
        ok_ = r.ok;
        message_ = r.message;
    }
    if (message_.empty()) ImGui::TextDisabled("%zu %s", table.rows.size(), tr("dòng", "rows"));
    else ImGui::TextColored(ok_ ? kOk : kError, "%s", message_.c_str());
    ImGui::PopID();
}

}  // namespace ntm::ui
