#include "core/text.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using ntm::fold_eth_to_d;
using ntm::fold_search_key;
using ntm::trim;

// "Xã Đồng Đăng" with every letter decomposed (NFD): base letter + combining marks.
const std::string kDongDangNfd =
    "Xa\xCC\x83 "                            // a + U+0303 tilde
    "\xC4\x90o\xCC\x82\xCC\x80ng "           // Đ, o + U+0302 circumflex + U+0300 grave
    "\xC4\x90"
    "a\xCC\x86ng";                           // a + U+0306 breve

TEST(FoldSearchKey, FoldsPrecomposedVietnamese) {
    EXPECT_EQ(fold_search_key("Xã  Đồng Đăng"), "xa dong dang");
    EXPECT_EQ(fold_search_key("Thị trấn Na Sầm"), "thi tran na sam");
    EXPECT_EQ(fold_search_key("Phường Hoàng Văn Thụ"), "phuong hoang van thu");
    EXPECT_EQ(fold_search_key("Huyện Lộc Bình"), "huyen loc binh");
    EXPECT_EQ(fold_search_key("Xã Hữu Lũng"), "xa huu lung");
    EXPECT_EQ(fold_search_key("Xã Quốc Khánh"), "xa quoc khanh");
    EXPECT_EQ(fold_search_key("Xã Yên Trạch"), "xa yen trach");
    EXPECT_EQ(fold_search_key("ẩ ệ ớ ộ Ứ Ỹ Ặ"), "a e o o u y a");
}

TEST(FoldSearchKey, FoldsDecomposedVietnamese) {
    EXPECT_EQ(fold_search_key(kDongDangNfd), "xa dong dang");
    // ư = u + U+031B horn, ợ = o + U+031B horn + U+0323 dot below, ở = o + horn + U+0309 hook
    EXPECT_EQ(fold_search_key("\xC4\x90u\xCC\x9Bo\xCC\x9B\xCC\x80ng"), "duong");  // Đường
    EXPECT_EQ(fold_search_key("Pho\xCC\x9B\xCC\xA3 O\xCC\x9B\xCC\x89"), "pho o");
    // NFC and NFD give the same key.
    EXPECT_EQ(fold_search_key("Lộc Bình"), fold_search_key("Lo\xCC\xA3\xCC\x82" "c Bi\xCC\x80nh"));
}

TEST(FoldSearchKey, FoldsEveryFormOfD) {
    EXPECT_EQ(fold_search_key("Đ đ Ð ð"), "d d d d");
    EXPECT_EQ(fold_search_key("ÐỒNG ĐĂNG"), "dong dang");
    EXPECT_EQ(fold_search_key("Ðình Lập"), fold_search_key("Đình Lập"));
}

TEST(FoldSearchKey, CollapsesAndTrimsWhitespaceIncludingNbsp) {
    EXPECT_EQ(fold_search_key("  Xã\t\tĐồng \n Đăng  "), "xa dong dang");
    EXPECT_EQ(fold_search_key("\xC2\xA0Xã\xC2\xA0\xC2\xA0Đồng Đăng\xC2\xA0"), "xa dong dang");
    EXPECT_EQ(fold_search_key("Na\xE3\x80\x80Sầm"), "na sam");  // U+3000 ideographic space
    EXPECT_EQ(fold_search_key(""), "");
    EXPECT_EQ(fold_search_key(" \xC2\xA0 "), "");
}

TEST(FoldSearchKey, KeepsDigitsPunctuationAndOtherScripts) {
    EXPECT_EQ(fold_search_key("Phường 3 - TP. Lạng Sơn"), "phuong 3 - tp. lang son");
    EXPECT_EQ(fold_search_key("Mã 06184"), "ma 06184");
    EXPECT_EQ(fold_search_key("谅山"), "谅山");
}

TEST(FoldSearchKey, FoldsOtherLatinLetters) {
    EXPECT_EQ(fold_search_key("Ça Façade Über Straße"), "ca facade uber strasse");
    EXPECT_EQ(fold_search_key("Łódź Škoda Ærø"), "lodz skoda aero");
    EXPECT_EQ(fold_search_key("Ñandú Ÿ ǎ Ș"), "nandu y a s");
}

TEST(FoldSearchKey, DropsInvalidBytes) {
    EXPECT_EQ(fold_search_key("Xa\xFF\xFE Na"), "xa na");
    EXPECT_EQ(fold_search_key("L\xE1\xBB"), "l");  // truncated sequence
}

TEST(FoldEthToD, ReplacesOnlyEth) {
    EXPECT_EQ(fold_eth_to_d("Ðồng Ðăng"), "Đồng Đăng");
    EXPECT_EQ(fold_eth_to_d("ðường"), "đường");
    EXPECT_EQ(fold_eth_to_d("Đồng Đăng"), "Đồng Đăng");
    EXPECT_EQ(fold_eth_to_d("Ñandú ÐÐ"), "Ñandú ĐĐ");
    EXPECT_EQ(fold_eth_to_d(""), "");
}

TEST(Trim, TrimsAsciiAndUnicodeSpaces) {
    EXPECT_EQ(trim("  Xã Đồng Đăng \t\n"), "Xã Đồng Đăng");
    EXPECT_EQ(trim("\xC2\xA0Lộc Bình\xC2\xA0"), "Lộc Bình");
    EXPECT_EQ(trim("\xEF\xBB\xBFma_xa"), "ma_xa");  // byte order mark
    EXPECT_EQ(trim("Na  Sầm"), "Na  Sầm");          // inner runs are kept
    EXPECT_EQ(trim(" \xC2\xA0 "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("Ư"), "Ư");
}

TEST(IsValidUtf8, AcceptsValidAndRejectsInvalid) {
    EXPECT_TRUE(ntm::is_valid_utf8(""));
    EXPECT_TRUE(ntm::is_valid_utf8("Xã Đồng Đăng ộẩệớ"));
    EXPECT_TRUE(ntm::is_valid_utf8("\xF0\x9F\x97\xBA"));  // U+1F5FA
    EXPECT_FALSE(ntm::is_valid_utf8("X\xE3 \xD0\xF4\xCCng"));  // CP1258 bytes
    EXPECT_FALSE(ntm::is_valid_utf8("\xC0\xAF"));              // overlong
    EXPECT_FALSE(ntm::is_valid_utf8("\xED\xA0\x80"));          // surrogate
    EXPECT_FALSE(ntm::is_valid_utf8("\xF4\x90\x80\x80"));      // above U+10FFFF
    EXPECT_FALSE(ntm::is_valid_utf8("\xE1\xBB"));              // truncated
    EXPECT_FALSE(ntm::is_valid_utf8("\x80"));                  // lone continuation
}

TEST(Utf8Helpers, RoundTripCodePoints) {
    for (char32_t cp : {U'A', U'\u00E0', U'\u1EA9', U'\u0111', U'\U0001F5FA'}) {
        std::string s;
        ntm::append_utf8(s, cp);
        std::size_t pos = 0;
        char32_t back = 0;
        ASSERT_TRUE(ntm::next_code_point(s, pos, back));
        EXPECT_EQ(back, cp);
        EXPECT_EQ(pos, s.size());
    }
    std::string s;
    ntm::append_utf8(s, 0xD800);
    EXPECT_EQ(s, "\xEF\xBF\xBD");
}

TEST(VietnameseLetters, SplitAndComposeAreInverse) {
    const std::string vowels = "aăâeêioôơuưy";
    std::set<char32_t> seen;
    int count = 0;
    for (char base : std::string("aeiouy")) {
        for (auto mark : {ntm::VnMark::none, ntm::VnMark::breve, ntm::VnMark::circumflex,
                          ntm::VnMark::horn}) {
            for (int tone = 0; tone < 6; ++tone) {
                for (bool upper : {false, true}) {
                    ntm::VnLetter l;
                    l.base = base;
                    l.mark = mark;
                    l.tone = static_cast<ntm::VnTone>(tone);
                    l.upper = upper;
                    const char32_t cp = ntm::compose_vietnamese_letter(l);
                    if (cp == 0) continue;
                    ++count;
                    EXPECT_TRUE(seen.insert(cp).second) << "duplicate code point " << cp;
                    ntm::VnLetter back;
                    ASSERT_TRUE(ntm::split_vietnamese_letter(cp, back));
                    EXPECT_EQ(back.base, base);
                    EXPECT_EQ(back.mark, mark);
                    EXPECT_EQ(back.tone, l.tone);
                    EXPECT_EQ(back.upper, upper);
                }
            }
        }
    }
    EXPECT_EQ(count, 12 * 6 * 2);  // a ă â e ê i o ô ơ u ư y, six tones, two cases
}

TEST(VietnameseLetters, KnownCodePoints) {
    ntm::VnLetter l;
    ASSERT_TRUE(ntm::split_vietnamese_letter(U'ộ', l));
    EXPECT_EQ(l.base, 'o');
    EXPECT_EQ(l.mark, ntm::VnMark::circumflex);
    EXPECT_EQ(l.tone, ntm::VnTone::dot_below);
    EXPECT_FALSE(l.upper);
    ASSERT_TRUE(ntm::split_vietnamese_letter(U'Ẩ', l));
    EXPECT_EQ(l.base, 'a');
    EXPECT_EQ(l.mark, ntm::VnMark::circumflex);
    EXPECT_EQ(l.tone, ntm::VnTone::hook);
    EXPECT_TRUE(l.upper);
    ASSERT_TRUE(ntm::split_vietnamese_letter(U'ớ', l));
    EXPECT_EQ(l.mark, ntm::VnMark::horn);
    EXPECT_EQ(l.tone, ntm::VnTone::acute);
    ASSERT_TRUE(ntm::split_vietnamese_letter(U'Đ', l));
    EXPECT_EQ(l.base, 'd');
    EXPECT_EQ(l.mark, ntm::VnMark::stroke);
    EXPECT_TRUE(l.upper);
    EXPECT_FALSE(ntm::split_vietnamese_letter(U'Ð', l));  // eth is not Vietnamese
    EXPECT_FALSE(ntm::split_vietnamese_letter(U'ç', l));
    EXPECT_FALSE(ntm::split_vietnamese_letter(U'n', l));

    ntm::VnLetter e;
    e.base = 'e';
    e.mark = ntm::VnMark::circumflex;
    e.tone = ntm::VnTone::dot_below;
    EXPECT_EQ(ntm::compose_vietnamese_letter(e), U'ệ');
    e.mark = ntm::VnMark::breve;
    EXPECT_EQ(ntm::compose_vietnamese_letter(e), 0u);
    ntm::VnLetter d;
    d.base = 'd';
    d.mark = ntm::VnMark::stroke;
    EXPECT_EQ(ntm::compose_vietnamese_letter(d), U'đ');
    d.tone = ntm::VnTone::acute;
    EXPECT_EQ(ntm::compose_vietnamese_letter(d), 0u);
}

}  // namespace

namespace ntm {
namespace {

TEST(TextHelpers, Utf8LengthAndJsonQuote) {
    EXPECT_EQ(utf8_length("15–18"), 5u);
    EXPECT_EQ(utf8_length("Đình Lập"), 8u);
    EXPECT_EQ(json_quote("Xã \"Bảo Lâm\"\n\\\t\x01"), "\"Xã \\\"Bảo Lâm\\\"\\n\\\\\\t\\u0001\"");
}

}  // namespace
}  // namespace ntm
