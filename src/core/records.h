#pragma once
// Dated records: observations of criteria, recognitions of levels, events, reported figures.
#include <string>
#include <vector>

#include "core/date.h"

namespace ntm {

// One inspection result: on `date`, criterion `criterion` of unit `unit_code` was met or not —
// or, when `indicator` is set ("2.1"), one indicator (chỉ tiêu) of that criterion was. The unit
// is the one with that code in the boundary version in force on `date`; the criterion is of
// `criteria_set` (an id), or of the set in force on `date` when that is empty.
struct Observation {
    std::string unit_code;
    int criterion = 0;
    bool met = false;
    Date date;
    std::string source;
    std::string indicator;
    std::string criteria_set;
};

// Levels a commune is recognised at. Advanced (nâng cao) and model (kiểu mẫu) belong to the
// 2016–2025 periods; modern (xã nông thôn mới hiện đại, Appendix II of Decision 51/2025/QĐ-TTg)
// to 2026–2030. CriteriaSet::levels says which a period has.
enum class Level { None = 0, Standard = 1, Advanced = 2, Model = 3, Modern = 4 };
const char* level_name_vi(Level level);  // "", "Đạt chuẩn", "Nâng cao", "Kiểu mẫu", "Hiện đại"
const char* level_name_en(Level level);  // "", "Standard", "Advanced", "Model", "Modern"
const char* level_id(Level level);       // "none", "standard", "advanced", "model", "modern"
// Accepts ids, English and Vietnamese names (any case, with or without diacritics). false if unknown.
bool parse_level(const std::string& text, Level* out);

// A provincial decision recognising a level; Level::None records a revocation.
struct Recognition {
    std::string unit_code;
    Level level = Level::Standard;
    Date date;
    std::string decision;  // e.g. "Quyết định số 1062/QĐ-UBND ngày 17/6/2024"
    int year = 0;          // the year it is for ("đạt chuẩn nông thôn mới năm 2022"); 0 when not stated
    std::string issuer;    // "UBND tỉnh", "Chủ tịch UBND tỉnh"; "" when not stated
    std::string note;      // the table's Ghi chú ("Đạt chuẩn lần 2", "Công nhận lại"); "" when none
};

enum class EventKind { Inspection, Training, Conference, Campaign, Recognition, Directive, Other };
const char* event_kind_id(EventKind kind);       // "inspection", ...
const char* event_kind_name_vi(EventKind kind);  // "Kiểm tra", "Tập huấn", ...
const char* event_kind_name_en(EventKind kind);
bool parse_event_kind(const std::string& text, EventKind* out);

struct Event {
    Date start, end;  // end == start for a one-day event
    EventKind kind = EventKind::Other;
    std::string organiser;
    std::vector<std::string> unit_codes;
    std::vector<std::string> district_codes;
    std::string title;
    std::string source;
    int participants = 0;  // 0 when not stated
};

// A figure as published (e.g. "25 xã at 15–18, 12.4 %"), kept to compare with computed ones.
struct ReportedFigure {
    Date date;           // the date the figure describes, not the day of publication
    std::string scope;   // "province:20", "district:183", "national"
    std::string figure;  // "xa_total", "band:15-18:count", "band:15-18:percent", "average_criteria", ...
    double value = 0;
    std::string source;
};

}  // namespace ntm
