#pragma once
// Search box: a commune or district name with or without diacritics; Enter or a click on a hit
// selects it and moves the map there. Ctrl+F focuses the box.
#include <string>
#include <vector>

#include "core/search.h"
#include "ui/app_state.h"

namespace ntm::ui {

class SearchPanel {
public:
    void draw(AppState& state);
    void focus() { focus_ = true; }

private:
    char query_[128] = {};
    std::string last_query_;
    uint64_t last_data_version_ = 0;
    std::vector<SearchHit> hits_;
    bool focus_ = false;
};

// Selects the hit and asks the map to show it.
void go_to(AppState& state, const SearchHit& hit);

}  // namespace ntm::ui
