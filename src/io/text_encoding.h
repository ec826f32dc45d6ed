#pragma once
// Text encodings of attribute data (DBF fields, CSV cells) and Unicode normalisation.
//
// Everything that leaves this module is NFC UTF-8. Besides UTF-8 and what iconv knows (called
// directly: GDAL's CPLRecode does not flush the converter and loses the last letter of CP1258
// text), it reads the legacy Vietnamese encodings found in old provincial data:
//   CP1258  Windows Vietnamese: base letters plus separate combining tone bytes (composed to NFC).
//   TCVN3   TCVN 5712:1993 "VN3" (also called ABC, used with the .VnTime fonts): one byte per
//           lower-case letter; upper case only for Ă Â Ê Ô Ơ Ư Đ. Upper-case letters with a tone
//           have no code: documents used an all-capitals font (.VnTimeH) over the lower-case
//           codes, so such letters come back lower case (see decode_text).
//   VNI     VNI-Windows: an ASCII base letter followed by one mark byte (tone, or circumflex /
//           breve with or without tone); ơ ư đ and the toned i, ỵ are single bytes.
// Names are matched case-insensitively, ignoring '-', '_', ' ', '.' and ':'.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::io {

// Unicode NFC of UTF-8 text (ICU). Invalid byte sequences become U+FFFD.
std::string normalize_nfc(std::string_view utf8);

// What every name and label goes through before it is stored: NFC, then Ð/ð (U+00D0/U+00F0,
// Icelandic eth, a common look-alike) folded to Đ/đ, then trimmed (ASCII spaces, NBSP, BOM).
std::string clean_text(std::string_view utf8);

// Decodes bytes in the named encoding to NFC UTF-8.
// Accepted names: "UTF-8" (utf8); "CP1258" (windows-1258, 1258, ansi 1258); "TCVN3" (tcvn,
// abc, vn3, tcvn5712-3); "VNI" (vni-windows); "ISO-8859-1" (latin1, 88591); "CP1252"
// (windows-1252, 1252); any other name iconv_open accepts.
// Throws ntm::Error "unknown text encoding 'X' (known: UTF-8, CP1258, TCVN3, VNI, and any
// iconv name)" for an unknown name and "text is not valid UTF-8" for bad UTF-8 input.
// TCVN3: bytes outside VN3 proper (0x80-0x9F and the holes of the 0xA0-0xFF range) are read as
// in the larger TCVN 5712 VN1 table (upper-case toned letters, combining tone marks), the best
// guess for data typed with VN1/VN2 fonts. Letters that only have a lower-case code are turned
// upper case inside a word written in capitals ("ĐỒNG" survives, and "XÃ" in a text with no
// lower case at all), never elsewhere ("Ái" comes back as "ái": the bytes are the same).
std::string decode_text(std::string_view bytes, const std::string& encoding);

// The inverse, for UTF-8, CP1258, TCVN3, VNI and iconv names: input is NFC-normalised first.
// Throws ntm::Error "character 'X' (U+XXXX) cannot be represented in ENC" for a character the
// encoding lacks. TCVN3 writes upper-case toned letters with the lower-case code, as the
// all-capitals fonts expected (lossy: decode gives the lower-case letter back, see above).
std::string encode_text(std::string_view utf8, const std::string& encoding);

// The canonical name of an encoding ("windows-1258" -> "CP1258", "abc" -> "TCVN3", an iconv
// name as given but upper case), or "" when the name is unknown.
std::string canonical_encoding_name(const std::string& encoding);

// Guesses the encoding of raw text samples (e.g. the string fields of a DBF): "UTF-8" when every
// sample is valid UTF-8 (pure ASCII included), otherwise the best of CP1258, TCVN3 and VNI by
// how many decoded words are well-formed Vietnamese syllables (letters of the Vietnamese
// alphabet, one tone per syllable, a known vowel cluster and final consonant, a stop final
// only with sắc/nặng, consistent case), with a bonus for syllables frequent in unit names
// (xã, phường, sơn, bình, đồng...), less the bytes the decoding could not place. Give it many
// samples when you can: one short name can be ambiguous (VNI "Hồng" is CP1258 "Hoàng").
std::string detect_encoding(const std::vector<std::string>& samples);

struct EncodingScore {
    std::string encoding;
    int score = 0;  // +2 per frequent syllable, +1 per other well-formed word, -1 per malformed
                    // word, -2 per word with symbols, -1 per byte the decoder could not place
};
// The scores behind detect_encoding for the three legacy encodings, best first (ties keep the
// order CP1258, TCVN3, VNI).
std::vector<EncodingScore> score_vietnamese_encodings(const std::vector<std::string>& samples);

// Maps the contents of a shapefile .cpg ("UTF-8", "65001", "1258", "ANSI 1258", "88591",
// "ISO-8859-1", "TCVN3", "VNI", ...) to a name decode_text accepts, or "" if unrecognised.
std::string encoding_from_cpg(const std::string& cpg_contents);

// Maps a DBF language driver id (header byte 29) to an encoding name, "" for 0 (none) and for
// ids that are unknown or have no iconv converter. Follows the dBASE/ESRI table GDAL uses
// (0x57 "ANSI" is read as ISO-8859-1, as GDAL does). That table has no id for Windows-1258
// Vietnamese (nor for TCVN3 or VNI): Vietnamese DBFs carry their encoding in a .cpg, or not at
// all, which is why detect_encoding exists.
std::string encoding_from_ldid(std::uint8_t ldid);

// Reads byte 29 of a .dbf and maps it with encoding_from_ldid; "" when the file cannot be read,
// is shorter than a header, or the byte is 0.
std::string read_dbf_ldid_encoding(const std::string& dbf_path);

}  // namespace ntm::io
