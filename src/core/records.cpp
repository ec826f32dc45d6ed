#include "core/records.h"

#include "core/text.h"

namespace ntm {

const char* level_name_vi(Level level) {
    switch (level) {
        case Level::Standard: return "Đạt chuẩn";
        case Level::Advanced: return "Nâng cao";
        case Level::Model: return "Kiểu mẫu";
        case Level::Modern: return "Hiện đại";
        case Level::None: break;
    }
    return "";
}

const char* level_name_en(Level level) {
    switch (level) {
        case Level::Standard: return "Standard";
        case Level::Advanced: return "Advanced";
        case Level::Model: return "Model";
        case Level::Modern: return "Modern";
        case Level::None: break;
    }
    return "";
}

const char* level_id(Level level) {
    switch (level) {
        case Level::Standard: return "standard";
        case Level::Advanced: return "advanced";
        case Level::Model: return "model";
        case Level::Modern: return "modern";
        case Level::None: break;
    }
    return "none";
}

bool parse_level(const std::string& text, Level* out) {
    const std::string f = fold_search_key(text);
    struct Alias {
        const char* folded;
        Level level;
    };
    static const Alias aliases[] = {
        {"none", Level::None},         {"", Level::None},
        {"huy", Level::None},          {"revoked", Level::None},
        {"standard", Level::Standard}, {"dat chuan", Level::Standard},
        {"dat chuan ntm", Level::Standard}, {"ntm", Level::Standard},
        {"advanced", Level::Advanced}, {"nang cao", Level::Advanced},
        {"ntm nang cao", Level::Advanced}, {"model", Level::Model},
        {"kieu mau", Level::Model},    {"ntm kieu mau", Level::Model},
        {"modern", Level::Modern},     {"hien dai", Level::Modern},
        {"ntm hien dai", Level::Modern}, {"xa ntm hien dai", Level::Modern},
        {"xa nong thon moi hien dai", Level::Modern}};
    for (const Alias& a : aliases)
        if (f == a.folded) {
            *out = a.level;
            return true;
        }
    return false;
}

namespace {
struct KindNames {
    EventKind kind;
    const char *id, *vi, *en;
};
const KindNames kKinds[] = {
    {EventKind::Inspection, "inspection", "Kiểm tra", "Inspection"},
    {EventKind::Training, "training", "Tập huấn", "Training"},
    {EventKind::Conference, "conference", "Hội nghị", "Conference"},
    {EventKind::Campaign, "campaign", "Phát động", "Campaign launch"},
    {EventKind::Recognition, "recognition", "Công nhận", "Recognition"},
    {EventKind::Directive, "directive", "Chỉ đạo", "Directive"},
    {EventKind::Other, "other", "Khác", "Other"}};
const KindNames& names(EventKind kind) {
    for (const KindNames& k : kKinds)
        if (k.kind == kind) return k;
    return kKinds[6];
}
}  // namespace

const char* event_kind_id(EventKind kind) { return names(kind).id; }
const char* event_kind_name_vi(EventKind kind) { return names(kind).vi; }
const char* event_kind_name_en(EventKind kind) { return names(kind).en; }

bool parse_event_kind(const std::string& text, EventKind* out) {
    const std::string f = fold_search_key(text);
    for (const KindNames& k : kKinds)
        if (f == k.id || f == fold_search_key(k.vi) || f == fold_search_key(k.en)) {
            *out = k.kind;
            return true;
        }
    return false;
}

}  // namespace ntm
