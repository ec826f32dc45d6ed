#include "core/unit.h"

#include "core/text.h"

namespace ntm {

const char* kind_name_vi(UnitKind kind) {
    switch (kind) {
        case UnitKind::Xa: return "Xã";
        case UnitKind::Phuong: return "Phường";
        case UnitKind::ThiTran: return "Thị trấn";
        case UnitKind::DacKhu: return "Đặc khu";
        case UnitKind::Unknown: break;
    }
    return "Không rõ";
}

const char* kind_name_en(UnitKind kind) {
    switch (kind) {
        case UnitKind::Xa: return "Commune";
        case UnitKind::Phuong: return "Ward";
        case UnitKind::ThiTran: return "Township";
        case UnitKind::DacKhu: return "Special zone";
        case UnitKind::Unknown: break;
    }
    return "Unknown";
}

const char* kind_id(UnitKind kind) {
    switch (kind) {
        case UnitKind::Xa: return "xa";
        case UnitKind::Phuong: return "phuong";
        case UnitKind::ThiTran: return "thi_tran";
        case UnitKind::DacKhu: return "dac_khu";
        case UnitKind::Unknown: break;
    }
    return "unknown";
}

UnitKind kind_from_id(std::string_view id) {
    for (UnitKind k : {UnitKind::Xa, UnitKind::Phuong, UnitKind::ThiTran, UnitKind::DacKhu})
        if (id == kind_id(k)) return k;
    return UnitKind::Unknown;
}

namespace {

// Type words as they start a name, folded. Abbreviations ("TT.", "P.", "Ph.", "X.") need their dot.
struct Prefix {
    const char* folded;
    UnitKind kind;
    bool abbreviation;
    int words;
};
const Prefix kPrefixes[] = {{"thi tran", UnitKind::ThiTran, false, 2},
                            {"dac khu", UnitKind::DacKhu, false, 2},
                            {"phuong", UnitKind::Phuong, false, 1},
                            {"xa", UnitKind::Xa, false, 1},
                            {"tt", UnitKind::ThiTran, true, 1},
                            {"ph", UnitKind::Phuong, true, 1},
                            {"p", UnitKind::Phuong, true, 1},
                            {"x", UnitKind::Xa, true, 1}};

// The first `words` words of `text`, as written.
std::string leading_words(std::string_view text, int words) {
    size_t pos = 0;
    for (int w = 0; w < words; ++w) {
        pos = text.find(' ', pos == 0 ? 0 : pos + 1);
        if (pos == std::string_view::npos) return std::string(text);
    }
    return std::string(text.substr(0, pos));
}

// Folding alone would read the names "Phương Sơn" or "Xà Phìn" as a ward and a commune, so the
// type word must be spelled as one: with its own diacritics, or in plain ASCII.
bool spelled_as_type_word(const std::string& word, UnitKind kind) {
    static const char* xa[] = {"xã", "Xã", "XÃ", "xa", "Xa", "XA"};
    static const char* phuong[] = {"phường", "Phường", "PHƯỜNG", "phuong", "Phuong", "PHUONG"};
    static const char* thi_tran[] = {"thị trấn", "Thị trấn", "Thị Trấn", "THỊ TRẤN",
                                     "thi tran", "Thi tran", "Thi Tran", "THI TRAN"};
    static const char* dac_khu[] = {"đặc khu", "Đặc khu", "Đặc Khu", "ĐẶC KHU",
                                    "dac khu", "Dac khu", "Dac Khu", "DAC KHU"};
    auto in = [&](const auto& list) {
        for (const char* s : list)
            if (word == s) return true;
        return false;
    };
    switch (kind) {
        case UnitKind::Xa: return in(xa);
        case UnitKind::Phuong: return in(phuong);
        case UnitKind::ThiTran: return in(thi_tran);
        case UnitKind::DacKhu: return in(dac_khu);
        case UnitKind::Unknown: break;
    }
    return false;
}

const Prefix* find_prefix(std::string_view text) {
    const std::string trimmed = trim(text);
    const std::string folded = fold_search_key(trimmed);
    for (const Prefix& p : kPrefixes) {
        const std::string word = p.folded;
        if (folded.compare(0, word.size(), word) != 0) continue;
        const char next = folded.size() > word.size() ? folded[word.size()] : '\0';
        if (p.abbreviation) {
            if (next == '.') return &p;
            continue;
        }
        if (next != '\0' && next != ' ' && next != '.') continue;
        std::string written = leading_words(trimmed, p.words);
        if (!written.empty() && written.back() == '.') written.pop_back();
        if (spelled_as_type_word(written, p.kind)) return &p;
    }
    return nullptr;
}

}  // namespace

UnitKind kind_from_text(std::string_view text) {
    const Prefix* p = find_prefix(text);
    return p ? p->kind : UnitKind::Unknown;
}

std::string strip_kind_prefix(std::string_view name) {
    const std::string trimmed = trim(name);
    const Prefix* p = find_prefix(trimmed);
    if (!p) return trimmed;
    size_t pos = 0;
    for (int w = 0; w < p->words; ++w) {
        pos = trimmed.find_first_of(" .", pos);
        if (pos == std::string::npos) return trimmed;  // the name is only the type word
        while (pos < trimmed.size() && (trimmed[pos] == ' ' || trimmed[pos] == '.')) ++pos;
    }
    return trim(trimmed.substr(pos));
}

std::string Unit::full_name() const {
    if (kind == UnitKind::Unknown) return name;
    return std::string(kind_name_vi(kind)) + " " + name;
}

}  // namespace ntm
