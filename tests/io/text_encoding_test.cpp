#include "io/text_encoding.h"

#include <gdal.h>
#include <gtest/gtest.h>
#include <iconv.h>
#include <ogr_api.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "support/test_support.h"

namespace {

using ntm::io::canonical_encoding_name;
using ntm::io::clean_text;
using ntm::io::decode_text;
using ntm::io::detect_encoding;
using ntm::io::encode_text;
using ntm::io::encoding_from_cpg;
using ntm::io::encoding_from_ldid;
using ntm::io::normalize_nfc;

// Real unit names of Lạng Sơn (and two from elsewhere for ẩ and ớ), none with an upper-case
// toned vowel, which TCVN3 cannot write (see TcvnUpperCaseTonedVowels).
const std::vector<std::string> kNames = {
    "Xã Đồng Đăng",        "Thị trấn Na Sầm",     "Phường Hoàng Văn Thụ", "Huyện Lộc Bình",
    "Xã Hữu Lũng",         "Xã Quốc Khánh",       "Xã Yên Trạch",         "Phường Vĩnh Trại",
    "Phường Chi Lăng",     "Phường Đông Kinh",    "Phường Tam Thanh",     "Thị trấn Cao Lộc",
    "Thị trấn Đồng Mỏ",    "Thị trấn Thất Khê",   "Huyện Tràng Định",     "Huyện Đình Lập",
    "Huyện Văn Quan",      "Xã Bắc Việt",         "Xã Hiệp Hạ",           "Xã Khuất Xá",
    "Xã Hồng Phong",       "Xã Liên Hội",         "Xã Bằng Mạc",          "Xã Nhất Hòa",
    "Xã Hùng Việt",        "Xã Lương Năng",       "Phường Cẩm Lệ",        "Phường Chợ Lớn",
    "Xã Thụy Hùng",        "Xã Mẫu Sơn",
};

std::string hex(const std::string& bytes) {
    std::string out;
    char buf[8];
    for (unsigned char c : bytes) {
        std::snprintf(buf, sizeof buf, c < 0x80 && c >= 0x20 ? "%c" : "\\x%02X", c);
        out += buf;
    }
    return out;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ntm::Error& e) {
        return e.what();
    }
    return "(no error)";
}

// --- NFC and cleaning ----------------------------------------------------------------------

TEST(NormalizeNfc, ComposesDecomposedVietnamese) {
    // Đồng Đăng, decomposed: o + U+0302 + U+0300, a + U+0306
    EXPECT_EQ(normalize_nfc("\xC4\x90o\xCC\x82\xCC\x80ng \xC4\x90" "a\xCC\x86ng"), "Đồng Đăng");
    // tone before the vowel mark (any canonical order composes the same)
    EXPECT_EQ(normalize_nfc("Lo\xCC\xA3\xCC\x82" "c"), "Lộc");
    EXPECT_EQ(normalize_nfc("u\xCC\x9B\xCC\x81"), "ứ");
    EXPECT_EQ(normalize_nfc("Xã Đồng Đăng"), "Xã Đồng Đăng");
    EXPECT_EQ(normalize_nfc("Cai Kinh"), "Cai Kinh");
    EXPECT_EQ(normalize_nfc(""), "");
}

TEST(NormalizeNfc, VowelTableMatchesUnicodeComposition) {
    // Every letter of core's table equals base + combining marks composed by ICU.
    const std::pair<ntm::VnMark, const char*> marks[] = {{ntm::VnMark::none, ""},
                                                         {ntm::VnMark::breve, "\xCC\x86"},
                                                         {ntm::VnMark::circumflex, "\xCC\x82"},
                                                         {ntm::VnMark::horn, "\xCC\x9B"}};
    const char* tones[] = {"", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
    int checked = 0;
    for (char base : std::string("aeiouy")) {
        for (const auto& [mark, mark_utf8] : marks) {
            for (int tone = 0; tone < 6; ++tone) {
                for (bool upper : {false, true}) {
                    ntm::VnLetter l;
                    l.base = base;
                    l.mark = mark;
                    l.tone = static_cast<ntm::VnTone>(tone);
                    l.upper = upper;
                    const char32_t cp = ntm::compose_vietnamese_letter(l);
                    if (cp == 0) continue;
                    std::string expected;
                    ntm::append_utf8(expected, cp);
                    const std::string decomposed =
                        std::string(1, upper ? static_cast<char>(base - 32) : base) + mark_utf8 +
                        tones[tone];
                    EXPECT_EQ(normalize_nfc(decomposed), expected) << hex(decomposed);
                    ++checked;
                }
            }
        }
    }
    EXPECT_EQ(checked, 144);
}

TEST(CleanText, NormalisesFoldsEthAndTrims) {
    EXPECT_EQ(clean_text("  \xC3\x90o\xCC\x82\xCC\x80ng \xC3\x90" "a\xCC\x86ng\xC2\xA0"), "Đồng Đăng");
    EXPECT_EQ(clean_text("Ðình Lập"), "Đình Lập");
    EXPECT_EQ(clean_text("\xEF\xBB\xBFXã Đồng Đăng"), "Xã Đồng Đăng");
    EXPECT_EQ(clean_text("Na  Sầm"), "Na  Sầm");  // inner spaces are data, not cleaned here
}

// --- Names and errors ------------------------------------------------------------------------

TEST(EncodingNames, AliasesResolveToCanonicalNames) {
    for (const char* n : {"UTF-8", "utf8", "Utf-8", "UTF_8"}) EXPECT_EQ(canonical_encoding_name(n), "UTF-8") << n;
    for (const char* n : {"CP1258", "cp1258", "windows-1258", "Windows_1258", "1258", "ANSI 1258"})
        EXPECT_EQ(canonical_encoding_name(n), "CP1258") << n;
    for (const char* n : {"TCVN3", "tcvn3", "tcvn", "TCVN", "abc", "ABC", "vn3", "TCVN5712-3"})
        EXPECT_EQ(canonical_encoding_name(n), "TCVN3") << n;
    for (const char* n : {"VNI", "vni", "vni-windows", "VNI Windows"})
        EXPECT_EQ(canonical_encoding_name(n), "VNI") << n;
    for (const char* n : {"ISO-8859-1", "iso8859-1", "LATIN1", "latin-1", "88591"})
        EXPECT_EQ(canonical_encoding_name(n), "ISO-8859-1") << n;
    for (const char* n : {"CP1252", "windows-1252", "1252"}) EXPECT_EQ(canonical_encoding_name(n), "CP1252") << n;
    EXPECT_EQ(canonical_encoding_name("koi8-r"), "KOI8-R");  // any iconv name
    EXPECT_EQ(canonical_encoding_name("no-such-encoding"), "");
    EXPECT_EQ(canonical_encoding_name(""), "");
}

TEST(DecodeText, UnknownEncodingIsAnError) {
    EXPECT_EQ(error_of([] { decode_text("abc", "no-such-encoding"); }),
              "unknown text encoding 'no-such-encoding' (known: UTF-8, CP1258, TCVN3, VNI, and any "
              "iconv name)");
    EXPECT_EQ(error_of([] { encode_text("abc", "VNI-2"); }),
              "unknown text encoding 'VNI-2' (known: UTF-8, CP1258, TCVN3, VNI, and any iconv name)");
    EXPECT_EQ(error_of([] { decode_text("abc", ""); }),
              "unknown text encoding '' (known: UTF-8, CP1258, TCVN3, VNI, and any iconv name)");
}

TEST(DecodeText, Utf8IsValidatedAndNormalised) {
    EXPECT_EQ(decode_text("Xã Đồng Đăng", "UTF-8"), "Xã Đồng Đăng");
    EXPECT_EQ(decode_text("Lo\xCC\xA3\xCC\x82" "c Bi\xCC\x80nh", "utf8"), "Lộc Bình");
    EXPECT_EQ(error_of([] { decode_text("X\xE3 \xD0\xF4\xCCng", "UTF-8"); }), "text is not valid UTF-8");
    EXPECT_EQ(error_of([] { encode_text("X\xE3", "TCVN3"); }), "text is not valid UTF-8");
}

// --- CP1258 ----------------------------------------------------------------------------------

TEST(Cp1258, DecodesCombiningTonesToNfc) {
    // Đ=D0, ô=F4, combining grave=CC, ă=E3, combining tilde=DE, dot below=F2, hook=D2, acute=EC
    EXPECT_EQ(decode_text("X\x61\xDE \xD0\xF4\xCCng \xD0\xE3ng", "CP1258"), "Xã Đồng Đăng");
    EXPECT_EQ(decode_text("L\xF4\xF2" "c Bi\xCCnh", "CP1258"), "Lộc Bình");
    EXPECT_EQ(decode_text("Kha\xECnh", "CP1258"), "Khánh");
    EXPECT_EQ(decode_text("\xE2\xD2", "cp1258"), "ẩ");
}

TEST(Cp1258, KeepsTheLastLetter) {
    // glibc's CP1258 decoder holds back a base letter until it sees what follows; the converter
    // must be flushed (GDAL's CPLRecode does not and loses it).
    EXPECT_EQ(decode_text("Na", "CP1258"), "Na");
    EXPECT_EQ(decode_text("\xC1i", "CP1258"), "Ái");
    EXPECT_EQ(decode_text("a", "CP1258"), "a");
    EXPECT_EQ(decode_text("", "CP1258"), "");
}

TEST(Cp1258, EncodesDecomposedForm) {
    EXPECT_EQ(hex(encode_text("Xã Đồng Đăng", "CP1258")), "Xa\\xDE \\xD0\\xF4\\xCCng \\xD0\\xE3ng");
    EXPECT_EQ(hex(encode_text("ộ ẩ ệ ớ", "CP1258")), "\\xF4\\xF2 \\xE2\\xD2 \\xEA\\xF2 \\xF5\\xEC");
    EXPECT_EQ(error_of([] { encode_text("Lạng Sơn 谅山", "CP1258"); }),
              "character '谅' (U+8C05) cannot be represented in CP1258");
}

// --- TCVN3 -----------------------------------------------------------------------------------

TEST(Tcvn3, KnownCodes) {
    const std::pair<const char*, const char*> codes[] = {
        {"ă", "\xA8"}, {"â", "\xA9"}, {"ê", "\xAA"}, {"ô", "\xAB"}, {"ơ", "\xAC"}, {"ư", "\xAD"},
        {"đ", "\xAE"}, {"Ă", "\xA1"}, {"Â", "\xA2"}, {"Ê", "\xA3"}, {"Ô", "\xA4"}, {"Ơ", "\xA5"},
        {"Ư", "\xA6"}, {"Đ", "\xA7"}, {"à", "\xB5"}, {"ả", "\xB6"}, {"ã", "\xB7"}, {"á", "\xB8"},
        {"ạ", "\xB9"}, {"ộ", "\xE9"}, {"ẩ", "\xC8"}, {"ệ", "\xD6"}, {"ớ", "\xED"}, {"ữ", "\xF7"},
        {"ỵ", "\xFE"}, {"\xC2\xA0", "\xA0"},
    };
    for (const auto& [text, byte] : codes) {
        EXPECT_EQ(hex(encode_text(text, "TCVN3")), hex(byte)) << text;
        EXPECT_EQ(decode_text(byte, "TCVN3"), text) << hex(byte);
    }
    EXPECT_EQ(hex(encode_text("Xã Đồng Đăng", "TCVN3")), "X\\xB7 \\xA7\\xE5ng \\xA7\\xA8ng");
    // Published examples: "B¸t X¸t", "M­êng Kh­¬ng" (with the soft hyphen 0xAD for ư)
    EXPECT_EQ(decode_text("B\xB8t X\xB8t", "TCVN3"), "Bát Xát");
    EXPECT_EQ(decode_text("M\xAD\xEAng Kh\xAD\xACng", "TCVN3"), "Mường Khương");
}

TEST(Tcvn3, AgreesWithGlibcTcvn5712OnTheUpperHalf) {
    // glibc implements TCVN 5712 VN1, a superset of VN3's upper half: every byte from 0x80 must
    // decode the same (VN3 codes, and the VN1 fallbacks for VN3's holes).
    iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
    if (cd == reinterpret_cast<iconv_t>(-1)) GTEST_SKIP() << "iconv has no TCVN5712-1";
    for (int b = 0x80; b <= 0xFF; ++b) {
        std::string in(1, static_cast<char>(b));
        char out[16];
        char* in_ptr = in.data();
        std::size_t in_left = 1;
        char* out_ptr = out;
        std::size_t out_left = sizeof out;
        iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
        const std::string theirs(out, static_cast<std::size_t>(out_ptr - out));
        EXPECT_EQ(decode_text(in, "TCVN3"), normalize_nfc(theirs)) << "byte " << b;
    }
    iconv_close(cd);
}

TEST(Tcvn3, UpperCaseTonedVowels) {
    // No code of their own: written with the lower-case code, as the all-capitals fonts did.
    EXPECT_EQ(hex(encode_text("Xã Ái Quốc", "TCVN3")), "X\\xB7 \\xB8i Qu\\xE8" "c");
    EXPECT_EQ(decode_text(encode_text("Xã Ái Quốc", "TCVN3"), "TCVN3"), "Xã ái Quốc");
    // In a word visibly in capitals the capital comes back.
    EXPECT_EQ(decode_text(encode_text("Thị trấn ĐỒNG ĐĂNG", "TCVN3"), "TCVN3"), "Thị trấn ĐỒNG ĐĂNG");
    // "Xã ĐỒNG ĐĂNG" and "XÃ ĐỒNG ĐĂNG" are the same bytes; with no other lower case around,
    // capitals are the better guess.
    EXPECT_EQ(encode_text("Xã ĐỒNG ĐĂNG", "TCVN3"), encode_text("XÃ ĐỒNG ĐĂNG", "TCVN3"));
    EXPECT_EQ(decode_text(encode_text("XÃ ĐỒNG ĐĂNG", "TCVN3"), "TCVN3"), "XÃ ĐỒNG ĐĂNG");
    EXPECT_EQ(decode_text(encode_text("PHƯỜNG HOÀNG VĂN THỤ", "TCVN3"), "TCVN3"), "PHƯỜNG HOÀNG VĂN THỤ");
    // Title case stays title case.
    EXPECT_EQ(decode_text(encode_text("Vũ Lễ", "TCVN3"), "TCVN3"), "Vũ Lễ");
    // VN1 codes outside VN3 are read as VN1's capitals.
    EXPECT_EQ(decode_text("\x80\x9F", "TCVN3"), "ÀŨ");
}

TEST(Tcvn3, UnrepresentableCharacter) {
    EXPECT_EQ(error_of([] { encode_text("Ðình", "TCVN3"); }),
              "character 'Ð' (U+00D0) cannot be represented in TCVN3");
    EXPECT_EQ(error_of([] { encode_text("Lạng Sơn — 2025", "TCVN3"); }),
              "character '—' (U+2014) cannot be represented in TCVN3");
}

// --- VNI -------------------------------------------------------------------------------------

TEST(Vni, KnownCodes) {
    const std::pair<const char*, const char*> codes[] = {
        {"à", "a\xF8"},  {"á", "a\xF9"},  {"ả", "a\xFB"},  {"ã", "a\xF5"},  {"ạ", "a\xEF"},
        {"â", "a\xE2"},  {"ầ", "a\xE0"},  {"ấ", "a\xE1"},  {"ẩ", "a\xE5"},  {"ẫ", "a\xE3"},
        {"ậ", "a\xE4"},  {"ă", "a\xEA"},  {"ằ", "a\xE8"},  {"ắ", "a\xE9"},  {"ẳ", "a\xFA"},
        {"ẵ", "a\xFC"},  {"ặ", "a\xEB"},  {"ê", "e\xE2"},  {"ệ", "e\xE4"},  {"ộ", "o\xE4"},
        {"ơ", "\xF4"},   {"ớ", "\xF4\xF9"}, {"ư", "\xF6"}, {"ữ", "\xF6\xF5"}, {"đ", "\xF1"},
        {"Đ", "\xD1"},   {"ì", "\xEC"},  {"í", "\xED"},   {"ỉ", "\xE6"},   {"ĩ", "\xF3"},
        {"ị", "\xF2"},   {"ỵ", "\xEE"},  {"ỳ", "y\xF8"},  {"Ậ", "A\xC4"},  {"Ơ", "\xD4"},
        {"Ớ", "\xD4\xD9"}, {"Ư", "\xD6"}, {"Ị", "\xD2"},  {"Ỵ", "\xCE"},   {"Ê", "E\xC2"},
    };
    for (const auto& [text, bytes] : codes) {
        EXPECT_EQ(hex(encode_text(text, "VNI")), hex(bytes)) << text;
        EXPECT_EQ(decode_text(bytes, "VNI"), text) << hex(bytes);
    }
    EXPECT_EQ(hex(encode_text("Xã Đồng Đăng", "VNI")), "Xa\\xF5 \\xD1o\\xE0ng \\xD1" "a\\xEAng");
    EXPECT_EQ(decode_text("Xin cha\xF8o ca\xF9" "c ba\xEFn", "VNI"), "Xin chào các bạn");
}

TEST(Vni, LenientDecoding) {
    EXPECT_EQ(decode_text("A\xF9", "VNI"), "Á");          // lower-case mark after a capital
    EXPECT_EQ(decode_text("a\xE2\xF9", "VNI"), "ấ");      // circumflex and tone as two bytes
    EXPECT_EQ(decode_text("\xF9n", "VNI"), "ùn");         // a mark with no vowel: the byte itself
    EXPECT_EQ(decode_text("o\xEA", "VNI"), "oê");         // no breve on o
}

TEST(Vni, UnrepresentableCharacter) {
    EXPECT_EQ(error_of([] { encode_text("Façade", "VNI"); }),
              "character 'ç' (U+00E7) cannot be represented in VNI");
}

// --- Other iconv encodings ---------------------------------------------------------------------

TEST(DecodeText, OtherEncodingsGoThroughIconv) {
    EXPECT_EQ(decode_text("Caf\xE9", "ISO-8859-1"), "Café");
    EXPECT_EQ(decode_text("Caf\xE9", "latin1"), "Café");
    EXPECT_EQ(decode_text("\x80 5", "CP1252"), "€ 5");
    EXPECT_EQ(decode_text("\xCF\xF0\xE8", "CP1251"), "При");
    EXPECT_EQ(decode_text("a\x81" "b", "CP1252"), "a\xEF\xBF\xBD" "b");  // undefined byte -> U+FFFD
    EXPECT_EQ(hex(encode_text("Café", "ISO-8859-1")), "Caf\\xE9");
}

// --- Round trips and detection -----------------------------------------------------------------

TEST(DetectEncoding, RoundTripsEveryNameInEveryLegacyEncoding) {
    ASSERT_GE(kNames.size(), 20u);
    for (const char* encoding : {"CP1258", "TCVN3", "VNI"}) {
        for (const std::string& name : kNames) {
            const std::string bytes = encode_text(name, encoding);
            EXPECT_FALSE(ntm::is_valid_utf8(bytes)) << name << " in " << encoding;
            const std::string detected = detect_encoding({bytes});
            EXPECT_EQ(detected, encoding) << name << " as " << hex(bytes);
            EXPECT_EQ(decode_text(bytes, detected), name) << encoding << ": " << hex(bytes);
        }
    }
}

TEST(DetectEncoding, WholeColumnsAreDetected) {
    for (const char* encoding : {"CP1258", "TCVN3", "VNI"}) {
        std::vector<std::string> column;
        for (const std::string& name : kNames) column.push_back(encode_text(name, encoding));
        column.push_back("Cai Kinh");  // ASCII rows do not disturb
        EXPECT_EQ(detect_encoding(column), encoding);
        const auto scores = ntm::io::score_vietnamese_encodings(column);
        ASSERT_EQ(scores.size(), 3u);
        EXPECT_EQ(scores[0].encoding, encoding);
        EXPECT_GT(scores[0].score, scores[1].score);
        EXPECT_GE(scores[1].score, scores[2].score);
    }
}

TEST(DetectEncoding, Utf8WhenValid) {
    EXPECT_EQ(detect_encoding({"Xã Đồng Đăng", "Thị trấn Na Sầm"}), "UTF-8");
    EXPECT_EQ(detect_encoding({"Cai Kinh", "Tam Thanh"}), "UTF-8");  // all ASCII
    EXPECT_EQ(detect_encoding({}), "UTF-8");
    // One invalid sample is enough to rule UTF-8 out.
    EXPECT_EQ(detect_encoding({"Cai Kinh", encode_text("Xã Yên Trạch", "VNI")}), "VNI");
}

// --- .cpg and DBF language driver ids --------------------------------------------------------

TEST(EncodingFromCpg, MapsCommonContents) {
    const std::pair<const char*, const char*> cases[] = {
        {"UTF-8", "UTF-8"},         {"utf8", "UTF-8"},           {"UTF-8\r\n", "UTF-8"},
        {"65001", "UTF-8"},         {"1258", "CP1258"},          {"CP1258", "CP1258"},
        {"ANSI 1258", "CP1258"},    {"windows-1258", "CP1258"},  {"1252", "CP1252"},
        {"ANSI 1252", "CP1252"},    {"88591", "ISO-8859-1"},     {"8859-1", "ISO-8859-1"},
        {"ISO-8859-1", "ISO-8859-1"}, {"ISO 8859-1", "ISO-8859-1"}, {"28591", "ISO-8859-1"},
        {"88592", "ISO-8859-2"},    {"437", "CP437"},            {"1251", "CP1251"},
        {"TCVN3", "TCVN3"},         {"abc", "TCVN3"},            {"VNI", "VNI"},
        {"Big5", "BIG5"},           {"", ""},                    {"   ", ""},
        {"SYSTEM", ""},             {"no such thing", ""},       {"0", ""},
    };
    for (const auto& [contents, expected] : cases)
        EXPECT_EQ(encoding_from_cpg(contents), expected) << "'" << contents << "'";
}

TEST(EncodingFromLdid, MapsThePublishedTable) {
    EXPECT_EQ(encoding_from_ldid(0x00), "");
    EXPECT_EQ(encoding_from_ldid(0x01), "CP437");
    EXPECT_EQ(encoding_from_ldid(0x02), "CP850");
    EXPECT_EQ(encoding_from_ldid(0x03), "CP1252");
    EXPECT_EQ(encoding_from_ldid(0x57), "ISO-8859-1");
    EXPECT_EQ(encoding_from_ldid(0x58), "CP1252");
    EXPECT_EQ(encoding_from_ldid(0x59), "CP1252");
    EXPECT_EQ(encoding_from_ldid(0x26), "CP866");
    EXPECT_EQ(encoding_from_ldid(0x4D), "CP936");
    EXPECT_EQ(encoding_from_ldid(0x7B), "CP932");
    EXPECT_EQ(encoding_from_ldid(0xC8), "CP1250");
    EXPECT_EQ(encoding_from_ldid(0xC9), "CP1251");
    EXPECT_EQ(encoding_from_ldid(0xCC), "CP1257");
    EXPECT_EQ(encoding_from_ldid(0x68), "");  // Kamenický: no iconv converter
    EXPECT_EQ(encoding_from_ldid(0xFF), "");
    // Every name it gives is one decode_text accepts.
    for (int id = 0; id < 256; ++id) {
        const std::string name = encoding_from_ldid(static_cast<std::uint8_t>(id));
        if (!name.empty()) {
            EXPECT_EQ(canonical_encoding_name(name), name) << id;
        }
    }
}

TEST(ReadDbfLdidEncoding, ReadsByte29) {
    const std::string dir = ntm::test::temp_dir("ldid");
    const auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
        return dir + "/" + name;
    };
    std::string header(32, '\0');
    header[0] = 0x03;
    header[29] = static_cast<char>(0xC9);
    EXPECT_EQ(ntm::io::read_dbf_ldid_encoding(write("cyrillic.dbf", header)), "CP1251");
    header[29] = 0;
    EXPECT_EQ(ntm::io::read_dbf_ldid_encoding(write("none.dbf", header)), "");
    EXPECT_EQ(ntm::io::read_dbf_ldid_encoding(write("short.dbf", std::string(20, '\x03'))), "");
    EXPECT_EQ(ntm::io::read_dbf_ldid_encoding(dir + "/missing.dbf"), "");
}

TEST(ReadDbfLdidEncoding, ShapefileWrittenByGdal) {
    // GDAL writes LDID 87 unless told otherwise, and reads it as ISO-8859-1.
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("ESRI Shapefile");
    ASSERT_NE(driver, nullptr);
    const std::string dir = ntm::test::temp_dir("ldid_gdal");
    GDALDatasetH ds = GDALCreate(driver, (dir + "/units.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "units", nullptr, wkbPolygon, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
    OGR_L_CreateField(layer, field, TRUE);
    OGR_Fld_Destroy(field);
    GDALClose(ds);
    EXPECT_EQ(ntm::io::read_dbf_ldid_encoding(dir + "/units.dbf"), "ISO-8859-1");
}

}  // namespace
