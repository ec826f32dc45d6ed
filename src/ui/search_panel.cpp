#include "ui/search_panel.h"
#include "ui/widgets.h"

#include <imgui.h>

namespace ntm::ui {

void go_to(AppState& state, const SearchHit& hit) {
    if (hit.what == SearchHit::What::Unit) {
        // A unit of another boundary version (Xã Cao Lâu after July 2025): show it on the last
        // (or first) day it existed, where the map draws it.
        const Dataset& ds = state.dataset();
        if (hit.unit >= 0 && hit.unit < static_cast<int>(ds.units.size()) && !ds.in_force(hit.unit, state.date())) {
            const BoundaryVersion& v = ds.versions[ds.units[hit.unit].version];
            if (v.valid_to && state.date() > *v.valid_to) state.set_date(*v.valid_to);
            else if (v.valid_from && state.date() < *v.valid_from) state.set_date(*v.valid_from);
        }
        state.select_unit(hit.unit);
        state.request_view({ViewRequest::Kind::Unit, hit.unit, "", {}});
    } else {
        state.select_units(state.units_of_district(hit.district_code));
        state.request_view({ViewRequest::Kind::District, -1, hit.district_code, {}});
    }
}

void SearchPanel::draw(AppState& state) {
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint("##search", tr("Tìm xã, phường… (Ctrl+F)",
                                                               "Find a commune… (Ctrl+F)"),
                                                query_, sizeof query_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (query_ != last_query_ || state.data_version() != last_data_version_) {
        last_query_ = query_;
        last_data_version_ = state.data_version();
        hits_ = search_places(state.dataset(), last_query_, 12);
    }
    if (enter && !hits_.empty()) go_to(state, hits_.front());
    if (last_query_.empty()) return;
    if (hits_.empty()) {
        note(tr("Không tìm thấy", "Nothing found"));
        return;
    }
    for (size_t i = 0; i < hits_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const char* prefix = hits_[i].what == SearchHit::What::District ? "→ " : "";
        if (ImGui::Selectable((prefix + hits_[i].label).c_str())) go_to(state, hits_[i]);
        ImGui::PopID();
    }
}

}  // namespace ntm::ui
