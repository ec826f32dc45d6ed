#pragma once
// Importing provincial news bulletins (plain UTF-8 text): dated events, document references
// and reported figures, matched to a dataset's units.
//
// An event is a sentence with a date of its own: a day, a range of days, or a month introduced
// by "Trong tháng ..." when the sentence names an activity; a sentence whose only date is that
// of a document it issues ("UBND tỉnh ban hành Quyết định số 1062/QĐ-UBND ngày 17/6/2024 công
// nhận ...") is dated by the document. Sentences without a date never become events (the
// sentences after an event in its paragraph only add places and participants to it); relative
// periods ("Từ đầu năm 2023 đến nay") and bare years are not event dates, and a day written
// without a year is reported in the notes, not completed.
//
// Kinds: kiểm tra/giám sát/thẩm định/khảo sát -> inspection; tập huấn/bồi dưỡng -> training;
// hội nghị/sơ kết/tổng kết/hội thảo/tọa đàm/giao ban -> conference; phát động/ra quân ->
// campaign; công nhận/đón nhận -> recognition; công văn/quyết định/chỉ đạo/ban hành/chỉ thị and
// documents the sentence issues -> directive; anything else -> other. The first activity word of
// the sentence decides, except that "hội nghị" gives way to a more specific word right after
// it ("Hội nghị tập huấn" is training) and a directive that recognises is a recognition.
//
// Recognition notices give one NewsRecognition per commune (see news_recognitions.h): its
// decision (numbers sharing a suffix expanded, lists paired in order), level, the year it is for
// and the issuer (the office, not the signer: "Chủ tịch UBND tỉnh Hoàng Xuân Ánh" is issued by
// "Chủ tịch UBND tỉnh"). A decision or a notice that counts its communes without naming them
// ("công nhận 5 xã đạt chuẩn NTM nâng cao năm 2022") lends its level, year and decision to the
// list that follows within three paragraphs ("Theo đó 5 xã được công nhận lần này, gồm ..."); a
// decision for two levels serves a list of each; a clause after ';' that recognises again or
// lists another level is a notice of its own. Tables of recognitions (news_tables.h) are read
// row by row. Only those linked to a unit in force on the decision's date, with that date known,
// are stored; the others are listed with the reason. Places are matched with their diacritics
// within the district named beside them (news_places.h); a name with no unit is a note, never a
// link to a look-alike.
//
// Figures (news_figures.h) take the cut-off before them in their sentence; a sentence saying
// "đến nay" takes no date carried from the one before; counts inside a period ("Trong năm 2023,
// toàn tỉnh có 9 xã ...") are what the period added and are noted, not stored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace ntm::io {

struct NewsPlace {
    bool district = false;
    std::string code, name;
};

struct NewsDocument {
    std::string type, number, issuer;
    std::optional<Date> date;
    std::string text;  // as written
    int line = 0;
};

struct NewsEvent {
    Event event;  // as stored; source "<file>: <sentence>"
    std::string date_text;  // the date as written ("Trong 2 ngày 26 và 27/7/2023")
    std::vector<NewsPlace> places;         // districts and units named, in text order
    std::vector<NewsDocument> documents;   // references in its sentence
    std::string sentence;
    int line = 0;
};

struct NewsFigure {
    ReportedFigure figure;  // source "<file>: <sentence>"
    std::string sentence;
    int line = 0;
};

// A commune a notice recognises. Stored (added to Dataset::recognitions by merge_news) only when
// the name is linked to a unit in force on the decision's date and that date is known.
struct NewsRecognition {
    Recognition recognition;       // unit_code "" when not linked
    std::string unit_written;      // "xã Chi Lăng"
    std::string district_written;  // "huyện Tràng Định" ("" when none is named beside it)
    std::string decision_number;   // "99/QĐ-UBND" ("" when the text gives none)
    std::optional<Date> decision_date;
    bool stored = false;
    std::string why;               // why it is not stored
    std::string sentence;
    int line = 0;
};

struct NewsNote {
    int line = 0;
    std::string message;
};

struct NewsBulletin {
    std::string name;  // file name without folders, used in sources
    std::vector<NewsEvent> events;
    std::vector<NewsFigure> figures;
    std::vector<NewsDocument> documents;
    std::vector<NewsRecognition> recognitions;
    std::vector<NewsNote> notes;  // undated figures, days without a year, ambiguous and unmatched names
};

// Limits of what is read as a bulletin.
constexpr std::size_t kNewsMaxBytes = 16u << 20;
constexpr std::size_t kNewsMaxLineBytes = 64u << 10;

// Reads a bulletin and checks it is text (see check_news_text). Throws ntm::Error
// "<path>: no such file" and the like.
std::string read_news_file(const std::string& path);
// Checks bytes read from `name` and returns them as NFC UTF-8 without a BOM. Throws ntm::Error,
// one line naming the file: empty, UTF-16, binary (NUL or control bytes, with the byte offset),
// not UTF-8 (byte offset and line), a line longer than kNewsMaxLineBytes, or no Vietnamese text.
std::string check_news_text(std::string_view bytes, const std::string& name);

// Everything found in a checked text. `name` is used in the sources ("bulletin.txt: ...").
NewsBulletin parse_news(std::string_view text, const std::string& name, const Dataset& dataset);
NewsBulletin import_news_file(const std::string& path, const Dataset& dataset);

// The dedupe key of an event: dates, kind and a hash of its folded title.
std::string news_event_key(const Event& event);

struct NewsMerge {
    int events_added = 0, events_duplicate = 0;
    int figures_added = 0, figures_duplicate = 0;
    int recognitions_added = 0, recognitions_duplicate = 0;
    std::vector<bool> event_added, figure_added, recognition_added;  // parallel to the bulletin's lists
};
// Adds what the dataset does not hold yet: an event is already there when its key matches one,
// or when one with the same dates, kind and districts came from the same file (the demo dataset
// holds the sample bulletins' items under titles of its own); a figure when date, scope, name
// and value match; a recognition when one of the same unit, level and date is there (the unit's
// level on the map follows the recognitions added).
NewsMerge merge_news(Dataset& dataset, const NewsBulletin& bulletin);

}  // namespace ntm::io
