#include "io/news_tables.h"

#include "core/text.h"
#include "io/news_recognitions.h"

namespace ntm::io::news {
namespace {

enum class Cell { Empty, Header, RowNumber, Roman, Year, District, Name, Decision, Other };

bool is_roman(const Token& w) {
    if (w.kind != Token::Word || !w.upper || w.fold.size() > 5) return false;
    for (char c : w.fold)
        if (c != 'i' && c != 'v' && c != 'x' && c != 'l') return false;
    return true;
}

struct Classified {
    Cell cell = Cell::Other;
    int year = 0;
    std::string name;  // District: "Điện Bàn"; Name: "Hương An" (marks like '*' left out)
};

Classified classify(const std::string& text) {
    Classified c;
    const Tokens t = tokenize(text);
    if (t.empty()) return {Cell::Empty, 0, ""};
    if (t.size() <= 2 && t[0].kind == Token::Number && (t.size() == 1 || t[1].punct('.'))) return {Cell::RowNumber, 0, ""};
    if (t.size() <= 2 && is_roman(t[0]) && (t.size() == 1 || t[1].punct('.'))) return {Cell::Roman, 0, ""};
    if (t[0].word("nam") && t.size() >= 2 && t[1].kind == Token::Number && t[1].fold.size() == 4) {
        c.cell = Cell::Year;
        c.year = std::stoi(t[1].fold);
        return c;
    }
    bool number = false;
    for (const Token& w : t) number = number || w.kind == Token::Number;
    if (match_phrase(t, 0, "quyet dinh")) return {number ? Cell::Decision : Cell::Header, 0, ""};
    for (std::size_t k = 0; k + 2 < t.size(); ++k)
        if (t[k].kind == Token::Number && t[k + 1].punct('/') && t[k + 2].word("qd")) return {Cell::Decision, 0, ""};
    // Header cells: the table's column names.
    static const char* const kHeader[] = {"tt",   "stt",    "ten xa", "ten don vi", "don vi", "ghi chu", "ngay",
                                          "so",   "huyen",  "xa",     "ten",        "muc",    "nam",     "don vi hanh chinh",
                                          "thi xa", "thanh pho", "cap huyen", "dia ban"};
    const std::string folded = fold_search_key(text);
    // A column name: one of these, alone or followed by more words ("Tên xã", "Số quyết định",
    // "Huyện/thành phố", "Mức đạt chuẩn").
    const std::string first = t[0].fold;
    for (const char* h : kHeader)
        if (folded == h || (first == h && t.size() > 1 && t[0].upper && !t[1].upper)) return {Cell::Header, 0, ""};
    if (text.find(',') != std::string::npos && t[0].all_caps()) return {Cell::Header, 0, ""};
    // A district heading: words in capitals, then perhaps "(03 xã)".
    std::size_t k = 0;
    static const char* const kTypes[] = {"huyen", "thi xa", "thanh pho", "tp"};
    bool typed = false;  // "HUYỆN TRÀNG ĐỊNH", "Huyện Điện Bàn (03 xã)", "TP. Tam Kỳ"
    for (const char* ty : kTypes)
        if (std::size_t n = match_phrase(t, 0, ty); n && t[0].upper) {
            k = n;
            if (k < t.size() && t[k].punct('.')) ++k;
            typed = true;
            break;
        }
    std::size_t e = k;
    while (e < t.size() && t[e].kind == Token::Word &&
           (t[e].all_caps() || (t[e].upper && (typed || t[e].fold.size() == 1))))
        ++e;
    if (e > k && (e == t.size() || t[e].punct('('))) {
        bool caps = typed;
        for (std::size_t w = k; w < e; ++w) caps = caps || t[w].all_caps();
        if (caps) {
            c.cell = Cell::District;
            for (std::size_t w = k; w < e; ++w) c.name += (c.name.empty() ? "" : " ") + capitalised(t[w].exact);
            return c;
        }
    }
    // A commune's name: a few capitalised words ("Điện Quang", "Hương An*", "Gia Tân 3").
    std::size_t words = 0;
    bool ok = t.size() <= 7;
    for (std::size_t w = 0; w < t.size() && ok; ++w) {
        if (t[w].kind == Token::Word) {
            ok = t[w].upper && !t[w].all_caps();
            ++words;
            if (ok) c.name += (c.name.empty() ? "" : " ") + capitalised(t[w].exact);
        } else if (t[w].kind == Token::Number) {
            ok = w > 0 && t[w].fold.size() <= 2;
            if (ok) c.name += " " + t[w].fold;
        } else {
            ok = w + 1 == t.size() && (t[w].fold == "*" || t[w].punct('.'));
        }
    }
    if (ok && words >= 1 && words <= 5) {
        c.cell = Cell::Name;
        return c;
    }
    return c;
}

// The cells of a paragraph: itself, or its parts between '|' or tabs.
std::vector<std::string> cells_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (p <= text.size()) {
        std::size_t q = text.find_first_of("|\t", p);
        if (q == std::string::npos) q = text.size();
        const std::string cell = trim(std::string_view(text).substr(p, q - p));
        if (!cell.empty()) out.push_back(cell);
        p = q + 1;
    }
    return out;
}

}  // namespace

std::vector<RecognitionTable> find_recognition_tables(const std::vector<Paragraph>& paragraphs) {
    std::vector<RecognitionTable> out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        // The title: "Danh sách ..." or "... công nhận ..." with a level, and no row of its own.
        const Tokens title = tokenize(paragraphs[i].text);
        bool named = false;
        for (std::size_t k = 0; k < title.size() && !named; ++k)
            named = match_phrase(title, k, "danh sach") || match_exact(title, k, "công nhận");
        const auto level = named ? find_level(title, 0, title.size()) : std::nullopt;
        if (!level || title.size() > 40) continue;
        RecognitionTable table;
        table.first = i;
        int year = level->year;
        std::string district, name;
        bool district_first = false;  // the header puts the district's column before the commune's
        std::size_t j = i + 1;
        for (; j < paragraphs.size(); ++j) {
            bool other = false;
            const std::vector<std::string> cells = cells_of(paragraphs[j].text);
            std::vector<std::string> names;  // a row's name cells: the commune's, and its district's
            {
                // A header row: which of the district's and the commune's columns comes first.
                int d = -1, x = -1;
                for (std::size_t c = 0; c < cells.size(); ++c) {
                    if (classify(cells[c]).cell != Cell::Header) continue;
                    const std::string f = fold_search_key(cells[c]);
                    if (d < 0 && (f.rfind("huyen", 0) == 0 || f.rfind("don vi cap huyen", 0) == 0)) d = static_cast<int>(c);
                    if (x < 0 && (f.rfind("ten xa", 0) == 0 || f == "xa")) x = static_cast<int>(c);
                }
                if (d >= 0 && x >= 0) district_first = d < x;
            }
            for (const std::string& text : cells) {
                const Classified c = classify(text);
                switch (c.cell) {
                    case Cell::Year: year = c.year; district.clear(); name.clear(); break;
                    case Cell::District: district = c.name; name.clear(); break;
                    case Cell::Name:
                        names.push_back(c.name);
                        if (names.size() == 2) {
                            // "1 | Chi Lăng | Tràng Định | Quyết định ...": a district column.
                            name = names[district_first ? 1 : 0];
                            district = names[district_first ? 0 : 1];
                        } else {
                            name = c.name;
                        }
                        break;
                    case Cell::Decision:
                        if (!name.empty()) {
                            std::string row = text + " công nhận xã " + name + (district.empty() ? "" : " (" + district + ")") +
                                              " đạt chuẩn nông thôn mới";
                            if (level->level == Level::Advanced) row += " nâng cao";
                            if (level->level == Level::Model) row += " kiểu mẫu";
                            if (year) row += " năm " + std::to_string(year);
                            table.rows.push_back({row + ".", paragraphs[j].line, paragraphs[j].block});
                        }
                        name.clear();
                        break;
                    case Cell::Other: other = true; break;
                    default: break;
                }
                if (other) break;
            }
            if (other) break;
        }
        if (table.rows.empty()) continue;
        table.last = j;
        out.push_back(std::move(table));
        i = j - 1;
    }
    return out;
}

}  // namespace ntm::io::news
