#pragma once
// The date: a slider over the data's span, play/pause, steps by month or year, speed; and the
// keyboard shortcuts that move it (Space plays or pauses, ←/→ step a month or year by the play
// step, PageUp/PageDown a year).
#include "ui/app_state.h"

namespace ntm::ui {

class DatePanel {
public:
    void draw(AppState& state);
    // Global date shortcuts; call once per frame (ignored while a text field has the keyboard).
    void handle_keys(AppState& state);
};

}  // namespace ntm::ui
