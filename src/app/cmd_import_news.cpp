// `import-news [--data D] FILE... [--dry-run] [--format text|json]`: dated events, document
// references and reported figures from provincial news bulletins, added to the dataset.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/args.h"
#include "app/commands.h"
#include "app/data_source.h"
#include "app/output_format.h"
#include "core/error.h"
#include "io/dataset_file.h"
#include "io/news_import.h"

namespace fs = std::filesystem;

namespace ntm::app {
namespace {

struct FileResult {
    std::string path;
    io::NewsBulletin bulletin;
    io::NewsMerge merge;
};

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string dates_text(const Event& e) {
    return e.start == e.end ? e.start.iso() : e.start.iso() + ".." + e.end.iso();
}

std::string places_text(const std::vector<io::NewsPlace>& places) {
    std::string out;
    for (const io::NewsPlace& p : places) out += (out.empty() ? "" : ", ") + p.name + " (" + p.code + ")";
    return out;
}

std::string document_text(const io::NewsDocument& d) {
    std::string out = d.type + " " + d.number;
    if (!d.issuer.empty()) out += ", " + d.issuer;
    if (d.date) out += ", " + d.date->iso();
    return out;
}

void print_text(std::ostream& o, const std::vector<FileResult>& results) {
    for (const FileResult& r : results) {
        const io::NewsBulletin& b = r.bulletin;
        o << r.path << ": " << b.events.size() << " sự kiện, " << b.figures.size() << " số liệu, "
          << b.documents.size() << " văn bản\n";
        for (size_t i = 0; i < b.events.size(); ++i) {
            const io::NewsEvent& ne = b.events[i];
            const Event& e = ne.event;
            o << "  " << dates_text(e) << "  " << event_kind_name_vi(e.kind) << " (" << event_kind_id(e.kind) << ")"
              << (r.merge.event_added[i] ? "" : "  [đã có]") << "\n";
            o << "    Thời gian: " << ne.date_text << " (dòng " << ne.line << ")\n";
            if (!e.organiser.empty()) o << "    Tổ chức:   " << e.organiser << "\n";
            if (!ne.places.empty()) o << "    Địa bàn:   " << places_text(ne.places) << "\n";
            if (e.participants > 0) o << "    Số người:  " << e.participants << "\n";
            for (const io::NewsDocument& d : ne.documents) o << "    Văn bản:   " << document_text(d) << "\n";
            o << "    Nội dung:  " << e.title << "\n";
            o << "    Câu:       " << ne.sentence << "\n";
        }
        if (!b.figures.empty()) o << "  Số liệu báo cáo:\n";
        for (size_t i = 0; i < b.figures.size(); ++i) {
            const io::NewsFigure& f = b.figures[i];
            o << "    " << f.figure.date.iso() << "  " << f.figure.scope << "  " << f.figure.figure << " = "
              << number_text(f.figure.value) << (r.merge.figure_added[i] ? "" : "  [đã có]") << "  (dòng " << f.line
              << ")\n";
        }
        if (!b.recognitions.empty()) o << "  Công nhận:\n";
        for (size_t i = 0; i < b.recognitions.size(); ++i) {
            const io::NewsRecognition& nr = b.recognitions[i];
            const Recognition& rec = nr.recognition;
            o << "    " << nr.unit_written << (nr.district_written.empty() ? "" : ", " + nr.district_written) << ": "
              << level_name_vi(rec.level) << (rec.year ? " năm " + std::to_string(rec.year) : "");
            if (!nr.decision_number.empty()) o << ", Quyết định số " << nr.decision_number;
            if (nr.decision_date) o << ", ngày " << nr.decision_date->iso();
            if (!rec.issuer.empty()) o << ", " << rec.issuer;
            if (nr.stored) o << " -> " << rec.unit_code << (r.merge.recognition_added[i] ? "" : "  [đã có]");
            else o << "  [không lưu: " << nr.why << "]";
            o << "  (dòng " << nr.line << ")\n";
        }
        bool documents_header = false;
        for (const io::NewsDocument& d : b.documents) {
            if (!documents_header) o << "  Văn bản được nhắc đến:\n";
            documents_header = true;
            o << "    " << document_text(d) << "  (dòng " << d.line << ")\n";
        }
        if (!b.notes.empty()) o << "  Ghi chú:\n";
        for (const io::NewsNote& n : b.notes) o << "    dòng " << n.line << ": " << n.message << "\n";
    }
}

Json json_document(const io::NewsDocument& d) {
    return {{"type", d.type},   {"number", d.number}, {"issuer", d.issuer},
            {"date", d.date ? Json(d.date->iso()) : Json()}, {"text", d.text}, {"line", d.line}};
}

Json json_places(const std::vector<io::NewsPlace>& places, bool districts) {
    Json out = Json::array();
    for (const io::NewsPlace& p : places)
        if (p.district == districts) out.push_back({{"code", p.code}, {"name", p.name}});
    return out;
}

Json json_files(const std::vector<FileResult>& results) {
    Json files = Json::array();
    for (const FileResult& r : results) {
        const io::NewsBulletin& b = r.bulletin;
        Json f;
        f["file"] = r.path;
        f["events"] = Json::array();
        for (size_t i = 0; i < b.events.size(); ++i) {
            const io::NewsEvent& ne = b.events[i];
            const Event& e = ne.event;
            Json x;
            x["start"] = e.start.iso();
            x["end"] = e.end.iso();
            x["kind"] = event_kind_id(e.kind);
            x["date_text"] = ne.date_text;
            x["organiser"] = e.organiser;
            x["districts"] = json_places(ne.places, true);
            x["units"] = json_places(ne.places, false);
            x["district_codes"] = e.district_codes;
            x["participants"] = e.participants;
            x["documents"] = Json::array();
            for (const io::NewsDocument& d : ne.documents) x["documents"].push_back(json_document(d));
            x["title"] = e.title;
            x["sentence"] = ne.sentence;
            x["line"] = ne.line;
            x["status"] = r.merge.event_added[i] ? "new" : "duplicate";
            f["events"].push_back(x);
        }
        f["figures"] = Json::array();
        for (size_t i = 0; i < b.figures.size(); ++i) {
            const io::NewsFigure& nf = b.figures[i];
            f["figures"].push_back({{"date", nf.figure.date.iso()},
                                    {"scope", nf.figure.scope},
                                    {"figure", nf.figure.figure},
                                    {"value", nf.figure.value},
                                    {"sentence", nf.sentence},
                                    {"line", nf.line},
                                    {"status", r.merge.figure_added[i] ? "new" : "duplicate"}});
        }
        f["recognitions"] = Json::array();
        for (size_t i = 0; i < b.recognitions.size(); ++i) {
            const io::NewsRecognition& nr = b.recognitions[i];
            const Recognition& rec = nr.recognition;
            Json x;
            x["unit"] = nr.unit_written;
            x["district"] = nr.district_written;
            x["code"] = nr.stored ? Json(rec.unit_code) : Json();
            x["level"] = level_id(rec.level);
            x["year"] = rec.year ? Json(rec.year) : Json();
            x["decision"] = nr.decision_number;
            x["decision_date"] = nr.decision_date ? Json(nr.decision_date->iso()) : Json();
            x["issuer"] = rec.issuer;
            x["line"] = nr.line;
            x["status"] = !nr.stored ? "not stored" : r.merge.recognition_added[i] ? "new" : "duplicate";
            if (!nr.stored) x["why"] = nr.why;
            f["recognitions"].push_back(x);
        }
        f["documents"] = Json::array();
        for (const io::NewsDocument& d : b.documents) f["documents"].push_back(json_document(d));
        f["notes"] = Json::array();
        for (const io::NewsNote& n : b.notes) f["notes"].push_back({{"line", n.line}, {"message", n.message}});
        files.push_back(f);
    }
    return files;
}

}  // namespace

int run_import_news(const Args& args) {
    const std::string format = args.get_or("format", "text");
    if (format != "text" && format != "json")
        throw Error("import-news: --format must be text or json (not '" + format + "')");
    const std::vector<std::string>& files = args.positional();
    if (files.empty())
        throw Error("import-news: no bulletin given (ntm-atlas import-news [--data D.gpkg] FILE... [--dry-run] [--format text|json])");
    const bool dry_run = args.has("dry-run");
    const std::optional<std::string> data_path = args.get("data");
    if (!dry_run && !data_path)
        throw Error("import-news needs --data D.gpkg to store results; use --dry-run to preview");

    // Every file is read and checked before the dataset is touched: one bad file stops all.
    std::vector<std::pair<std::string, std::string>> texts;
    for (const std::string& f : files) texts.push_back({f, io::read_news_file(f)});

    io::DatasetFile data = open_data(args);
    std::vector<FileResult> results;
    int events_added = 0, events_duplicate = 0, figures_added = 0, figures_duplicate = 0;
    int recognitions_added = 0, recognitions_duplicate = 0, recognitions_found = 0;
    for (const auto& [path, text] : texts) {
        FileResult r;
        r.path = path;
        r.bulletin = io::parse_news(text, fs::path(path).filename().string(), data.dataset);
        r.merge = io::merge_news(data.dataset, r.bulletin);
        events_added += r.merge.events_added;
        events_duplicate += r.merge.events_duplicate;
        figures_added += r.merge.figures_added;
        figures_duplicate += r.merge.figures_duplicate;
        recognitions_added += r.merge.recognitions_added;
        recognitions_duplicate += r.merge.recognitions_duplicate;
        recognitions_found += static_cast<int>(r.bulletin.recognitions.size());
        results.push_back(std::move(r));
    }
    const bool write = !dry_run && (events_added > 0 || figures_added > 0 || recognitions_added > 0);
    if (write) io::save_dataset(*data_path, data.dataset, data.geometry);

    std::ostringstream o;
    if (format == "json") {
        Json j;
        j["dataset"] = data.dataset.info.title;
        j["dry_run"] = dry_run;
        j["written"] = write ? Json(*data_path) : Json();
        j["files"] = json_files(results);
        j["added"] = {{"events", events_added}, {"figures", figures_added}, {"recognitions", recognitions_added}};
        j["duplicates"] = {{"events", events_duplicate},
                           {"figures", figures_duplicate},
                           {"recognitions", recognitions_duplicate}};
        o << json_text(j);
    } else {
        print_text(o, results);
        // The unit's level on the map follows the recognitions stored.
        if (recognitions_found > 0)
            o << "Quyết định công nhận: " << recognitions_added << " mới, " << recognitions_duplicate << " đã có, "
              << recognitions_found - recognitions_added - recognitions_duplicate << " không lưu (xem ghi chú).\n";
        o << "Mới: " << events_added << " sự kiện, " << figures_added << " số liệu; đã có: " << events_duplicate
          << " sự kiện, " << figures_duplicate << " số liệu. ";
        if (dry_run) o << "Chạy thử (--dry-run): không ghi gì.\n";
        else if (write) o << "Đã ghi vào " << *data_path << ".\n";
        else o << "Không có gì mới để ghi vào " << *data_path << ".\n";
    }
    std::cout << o.str();
    return 0;
}

void add_import_news_command(CommandTable& table) {
    CLI::App* c = table.add("import-news", "Dated events, documents and figures from news bulletins, added to a dataset",
                            run_import_news);
    positionals(c, "FILE", "news bulletins (text, HTML, DOCX, PDF)");
    value(c, "--data", "D.gpkg", "the dataset to add to (rewritten in place, atomically)");
    flag(c, "--dry-run", "show what would be added; write nothing");
    choice_value(c, "--format", {"text", "json"}, "output: text (default) or json");
}

}  // namespace ntm::app
