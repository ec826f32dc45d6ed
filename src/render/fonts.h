#pragma once
// The UI's and the exports' sans-serif font, found through fontconfig (DejaVu Sans or whatever
// the system resolves "sans-serif" to, as long as it covers Vietnamese), added to an ImGui font
// atlas with the glyphs the product's text needs: Latin, every Vietnamese letter, and the
// punctuation and symbols the UI uses (— – … · ✓ ✗ ° ≥ ≤ × → ← ▶ ❚ ’ “ ” ...), which
// GetGlyphRangesVietnamese() alone lacks.
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace ntm::render {

struct UiFonts {
    ImFont* regular = nullptr;  // base_px
    ImFont* bold = nullptr;     // base_px, bold weight (the regular face when no bold exists)
    ImFont* large = nullptr;    // base_px * kLargeFontFactor, bold: titles
};

constexpr float kLargeFontFactor = 1.75f;

struct FontFiles {
    std::string regular, bold;  // paths
    int regular_index = 0, bold_index = 0;  // face index within the file (TTC)
};

// Asks fontconfig for a sans face covering Vietnamese ("DejaVu Sans", then "sans-serif", with
// lang=vi), regular and bold. Cached after the first call. Throws ntm::Error saying which fonts
// to install when no installed face covers Vietnamese.
const FontFiles& find_ui_font_files();

// Adds the three faces to `atlas` (regular first, so it becomes the atlas' default font) with
// the full UI glyph set. The atlas is not built; ImGui builds it on first use (or call
// atlas.Build()). Throws ntm::Error when no font is found or a file cannot be read.
UiFonts add_ui_fonts(ImFontAtlas& atlas, float base_px);

// The same faces with only the glyphs of `text` (plus digits and basic punctuation): much
// faster to rasterise at print sizes. For exports, whose text is known in advance.
UiFonts add_ui_fonts_for_text(ImFontAtlas& atlas, float base_px, const std::string& text);

// The UI's extra characters beyond Latin + Vietnamese (UTF-8), for tests and glyph checks.
const char* ui_symbol_characters();

}  // namespace ntm::render
