#include "render/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "core/error.h"

namespace ntm::render {
namespace {

// Letters a Vietnamese face must have (ộ ẩ ệ ớ Đ ư) and the em dash the titles use.
constexpr FcChar32 kRequired[] = {0x1ED9, 0x1EA9, 0x1EC7, 0x1EDB, 0x0110, 0x01B0, 0x2014};

const char kSymbols[] =
    "—–…·•✓✗°≥≤×→←↑↓▶◀❚■□●○▲▼‘’“”«»№±≈≠‰€₫ ";

struct Match {
    std::string file, family;
    int index = 0, weight = 0;
};

std::optional<Match> match_font(const char* family, bool bold) {
    FcPattern* pattern = FcPatternCreate();
    if (!pattern) return std::nullopt;
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("vi"));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* font = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (!font) return std::nullopt;

    std::optional<Match> out;
    FcChar8* file = nullptr;
    FcCharSet* charset = nullptr;
    FcBool scalable = FcFalse;
    if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && file &&
        FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch && charset &&
        (FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) != FcResultMatch || scalable)) {
        bool covers = true;
        for (FcChar32 c : kRequired) covers = covers && FcCharSetHasChar(charset, c);
        if (covers) {
            Match m;
            m.file = reinterpret_cast<const char*>(file);
            FcChar8* fam = nullptr;
            if (FcPatternGetString(font, FC_FAMILY, 0, &fam) == FcResultMatch && fam)
                m.family = reinterpret_cast<const char*>(fam);
            FcPatternGetInteger(font, FC_INDEX, 0, &m.index);
            FcPatternGetInteger(font, FC_WEIGHT, 0, &m.weight);
            out = m;
        }
    }
    FcPatternDestroy(font);
    return out;
}

FontFiles find_files() {
    if (!FcInit()) throw Error("cannot initialise fontconfig to find the UI font");
    for (const char* family : {"DejaVu Sans", "Noto Sans", "Liberation Sans", "sans-serif"}) {
        const std::optional<Match> regular = match_font(family, false);
        if (!regular) continue;
        FontFiles files;
        files.regular = regular->file;
        files.regular_index = regular->index;
        files.bold = regular->file;
        files.bold_index = regular->index;
        const std::optional<Match> bold =
            match_font(regular->family.empty() ? family : regular->family.c_str(), true);
        if (bold && bold->weight >= FC_WEIGHT_DEMIBOLD) {
            files.bold = bold->file;
            files.bold_index = bold->index;
        }
        return files;
    }
    throw Error("no installed sans-serif font covers Vietnamese (ộ ẩ ệ ớ Đ —); install "
                "fonts-dejavu-core (DejaVu Sans)");
}

// Glyph range arrays must outlive the fonts that use them: they are kept here for the life of
// the process, one copy per distinct set.
const ImWchar* keep_ranges(const ImVector<ImWchar>& ranges) {
    static std::mutex mutex;
    static std::set<std::vector<ImWchar>> kept;
    std::lock_guard<std::mutex> lock(mutex);
    return kept.emplace(ranges.begin(), ranges.end()).first->data();
}

const ImWchar* full_ranges() {
    static const ImWchar* ranges = [] {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImFontAtlas().GetGlyphRangesVietnamese());
        builder.AddRanges(ImFontAtlas().GetGlyphRangesDefault());  // Latin-1 supplement too
        static const ImWchar latin_extended[] = {0x0100, 0x017F, 0x0180, 0x024F, 0x0300, 0x0323,
                                                 0x1E00, 0x1EFF, 0};
        builder.AddRanges(latin_extended);
        builder.AddText(kSymbols);
        ImVector<ImWchar> out;
        builder.BuildRanges(&out);
        return keep_ranges(out);
    }();
    return ranges;
}

const ImWchar* text_ranges(const std::string& text) {
    ImFontGlyphRangesBuilder builder;
    builder.AddText("0123456789 .,:;-–—%()/·…×kmBN");
    builder.AddText(text.c_str(), text.c_str() + text.size());
    ImVector<ImWchar> out;
    builder.BuildRanges(&out);
    return keep_ranges(out);
}

ImFont* add_face(ImFontAtlas& atlas, const std::string& file, int index, float px,
                 const ImWchar* ranges) {
    ImFontConfig config;
    config.FontNo = index;
    // Sub-pixel oversampling matters for small screen text; print sizes do not need it.
    config.OversampleH = px <= 24 ? 2 : 1;
    config.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, &config, ranges);
    if (!font) throw Error("cannot load the font " + file);
    return font;
}

UiFonts add_fonts(ImFontAtlas& atlas, float base_px, const ImWchar* ranges) {
    if (!(base_px > 0)) throw Error("font size must be positive");
    const FontFiles& files = find_ui_font_files();
    UiFonts fonts;
    fonts.regular = add_face(atlas, files.regular, files.regular_index, base_px, ranges);
    fonts.bold = add_face(atlas, files.bold, files.bold_index, base_px, ranges);
    fonts.large = add_face(atlas, files.bold, files.bold_index, base_px * kLargeFontFactor, ranges);
    return fonts;
}

}  // namespace

const FontFiles& find_ui_font_files() {
    static std::mutex mutex;
    static std::optional<FontFiles> cached;
    std::lock_guard<std::mutex> lock(mutex);
    if (!cached) cached = find_files();
    return *cached;
}

UiFonts add_ui_fonts(ImFontAtlas& atlas, float base_px) {
    return add_fonts(atlas, base_px, full_ranges());
}

UiFonts add_ui_fonts_for_text(ImFontAtlas& atlas, float base_px, const std::string& text) {
    return add_fonts(atlas, base_px, text_ranges(text));
}

const char* ui_symbol_characters() { return kSymbols; }

}  // namespace ntm::render
