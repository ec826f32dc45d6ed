// The news corpus: real Vietnamese NTM news items (tests/data/news/items, each with its URL and
// date in a header line) against an answer key written by reading them (answers.json): events,
// recognitions with their decisions, figures, and units that must not be linked. Items of other
// provinces are read with the demo's units (so their communes must stay unmatched) and with
// that province as the dataset's province (so "toàn tỉnh" is theirs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/demo.h"
#include "io/dataset_file.h"
#include "io/news_import.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ntm::io {
namespace {

const Dataset& demo() {
    static const Dataset d = [] {
        if (fs::exists(NTM_DEMO_DATASET)) return load_dataset(NTM_DEMO_DATASET).dataset;
        return demo::make_demo_dataset();
    }();
    return d;
}

std::string corpus_dir() { return std::string(NTM_TEST_DATA_DIR) + "/news"; }

const json& answers() {
    static const json j = [] {
        std::ifstream in(corpus_dir() + "/answers.json");
        return json::parse(in);
    }();
    return j;
}

struct Item {
    std::string file, url, date, province, text;
};

Item read_item(const std::string& file) {
    std::ifstream in(corpus_dir() + "/items/" + file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    Item it;
    it.file = file;
    std::string all = s.str();
    const size_t nl = all.find('\n');
    std::string header = all.substr(0, nl);
    it.text = all.substr(nl + 1);
    // "# URL | date | province"
    std::vector<std::string> parts;
    size_t p = 2;
    while (p <= header.size()) {
        size_t q = header.find(" | ", p);
        if (q == std::string::npos) q = header.size();
        parts.push_back(header.substr(p, q - p));
        p = q + 3;
    }
    if (parts.size() == 3) {
        it.url = parts[0];
        it.date = parts[1];
        it.province = parts[2];
    }
    return it;
}

// Both lists, one entry a line, for reading a failure.
std::string lists(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    std::string out = "got:\n";
    for (const std::string& g : got) out += "  " + g + "\n";
    out += "want:\n";
    for (const std::string& w : want) out += "  " + w + "\n";
    return out;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

class NewsCorpus : public ::testing::TestWithParam<std::string> {};

TEST(NewsCorpusKey, HasAtLeastFortyItemsEachWithItsSource) {
    const json& items = answers()["items"];
    EXPECT_GE(items.size(), 40u);
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(corpus_dir() + "/items")) files += e.path().extension() == ".txt";
    EXPECT_EQ(files, items.size()) << "every item has a key, every key an item";
    for (const json& it : items) {
        const Item item = read_item(it["file"]);
        EXPECT_EQ(item.url.compare(0, 4, "http"), 0) << item.file << ": header line '# URL | date | province'";
        EXPECT_FALSE(item.province.empty()) << item.file;
    }
}

TEST_P(NewsCorpus, MatchesTheAnswerKey) {
    const json* key = nullptr;
    for (const json& it : answers()["items"])
        if (it["file"] == GetParam()) key = &it;
    ASSERT_NE(key, nullptr);
    const Item item = read_item(GetParam());
    Dataset dataset = demo();
    const bool own = item.province == dataset.info.title;
    if (!own) {
        dataset.info.title = item.province;
        dataset.info.province_code.clear();
    }
    const std::string province_scope = own ? "province:" + dataset.info.province_code : "province";
    const NewsBulletin b = parse_news(check_news_text(item.text, item.file), item.file, dataset);
    std::string notes;
    for (const NewsNote& n : b.notes) notes += n.message + "\n";
    SCOPED_TRACE(item.file + " notes:\n" + notes);

    std::vector<std::string> events, want_events;
    for (const NewsEvent& ne : b.events) {
        const Event& e = ne.event;
        events.push_back((e.start == e.end ? e.start.iso() : e.start.iso() + ".." + e.end.iso()) + " " +
                         event_kind_id(e.kind));
    }
    for (const json& e : (*key)["events"]) want_events.push_back(e);
    std::sort(events.begin(), events.end());
    std::sort(want_events.begin(), want_events.end());
    EXPECT_EQ(events, want_events) << lists(events, want_events);

    // Recognitions read with a decision number or date, in text order.
    std::vector<std::string> recs, want_recs;
    for (const NewsRecognition& r : b.recognitions) {
        if (r.decision_number.empty() && !r.decision_date) continue;
        recs.push_back(r.unit_written + " | " + r.district_written + " | " + level_id(r.recognition.level) + " | " +
                       std::to_string(r.recognition.year) + " | " + r.decision_number + " | " +
                       (r.decision_date ? r.decision_date->iso() : "-") + " | " + r.recognition.issuer + " | " +
                       (r.stored ? r.recognition.unit_code : "-"));
    }
    for (const json& r : (*key)["recognitions"])
        want_recs.push_back(r["unit"].get<std::string>() + " | " + r["district"].get<std::string>() + " | " +
                            r["level"].get<std::string>() + " | " + std::to_string(r["year"].get<int>()) + " | " +
                            r["decision"].get<std::string>() + " | " +
                            (r["date"].is_null() ? "-" : r["date"].get<std::string>()) + " | " +
                            r["issuer"].get<std::string>() + " | " +
                            (r["code"].is_null() ? "-" : r["code"].get<std::string>()));
    EXPECT_EQ(recs, want_recs) << lists(recs, want_recs);

    // Recognitions read without a decision number or date (never stored), when the key lists them.
    if (key->contains("undecided")) {
        std::vector<std::string> undecided, want_undecided;
        for (const NewsRecognition& r : b.recognitions)
            if (r.decision_number.empty() && !r.decision_date)
                undecided.push_back(r.unit_written + " | " + r.district_written + " | " +
                                    level_id(r.recognition.level) + " | " + std::to_string(r.recognition.year));
        for (const json& u : (*key)["undecided"]) want_undecided.push_back(u);
        EXPECT_EQ(undecided, want_undecided) << lists(undecided, want_undecided);
        for (const NewsRecognition& r : b.recognitions) {
            if (r.decision_number.empty() && !r.decision_date) {
                EXPECT_FALSE(r.stored) << r.unit_written;
            }
        }
    }

    std::vector<std::string> figures, want_figures;
    for (const NewsFigure& f : b.figures)
        figures.push_back(f.figure.date.iso() + " " + (f.figure.scope == province_scope ? "province" : f.figure.scope) +
                          " " + f.figure.figure + " " + number(f.figure.value));
    for (const json& f : (*key)["figures"]) want_figures.push_back(f);
    std::sort(figures.begin(), figures.end());
    std::sort(want_figures.begin(), want_figures.end());
    EXPECT_EQ(figures, want_figures) << lists(figures, want_figures);

    for (const json& n : (*key)["not_linked"]) {
        // A null code: the place has no demo unit at all; only its report is checked.
        const std::string code = n["code"].is_null() ? std::string() : n["code"].get<std::string>();
        for (const NewsEvent& ne : b.events) {
            EXPECT_EQ(std::count(ne.event.unit_codes.begin(), ne.event.unit_codes.end(), code), 0)
                << n["name"] << " linked to " << code;
            for (const NewsPlace& p : ne.places) EXPECT_TRUE(code.empty() || p.code != code) << n["name"];
        }
        for (const NewsRecognition& r : b.recognitions)
            EXPECT_FALSE(r.stored && !code.empty() && r.recognition.unit_code == code)
                << n["name"] << " stored as " << code;
        if (n.value("reported", false)) {
            EXPECT_NE(notes.find(n["name"].get<std::string>()), std::string::npos) << n["name"] << " is not reported";
        }
    }
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const json& it : answers()["items"]) out.push_back(it["file"]);
    return out;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string n;
    for (char c : info.param.substr(0, info.param.size() - 4)) n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(Items, NewsCorpus, ::testing::ValuesIn(corpus_files()), test_name);

}  // namespace
}  // namespace ntm::io
