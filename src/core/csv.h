#pragma once
// CSV as RFC 4180 writes it (fields quoted when they hold the separator, a quote, CR or LF;
// quotes doubled), UTF-8 throughout. One implementation for the planner exports, the UI and the
// command line.
#include <string>
#include <string_view>
#include <vector>

namespace ntm {

struct CsvOptions {
    char separator = ',';  // ';' for spreadsheets in locales with a decimal comma (vi-VN Excel)
    bool crlf = false;     // RFC 4180 line ends; LF by default, as the command line prints
    bool bom = false;      // a UTF-8 byte order mark first, so Excel on Windows reads UTF-8
};

// One field, quoted when needed: `a,b` -> `"a,b"`, `say "hi"` -> `"say ""hi"""`.
std::string csv_field(std::string_view field, char separator = ',');
// One record with its line end.
std::string csv_record(const std::vector<std::string>& fields, const CsvOptions& options = {});

// Builds a CSV text record by record (the BOM, when asked for, comes first).
class CsvWriter {
public:
    explicit CsvWriter(CsvOptions options = {});
    void row(const std::vector<std::string>& fields);
    const std::string& str() const { return text_; }

private:
    CsvOptions options_;
    std::string text_;
};

// Parses RFC 4180 text (LF or CRLF line ends, a leading BOM skipped, quoted fields with
// separators, doubled quotes and line breaks). A final line end does not start a record.
// Throws ntm::Error "CSV: unterminated quoted field starting on line N".
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator = ',');

// Writes `content` to a temporary file beside `path`, then renames it over `path`, so a failed
// export never leaves a partial file in place of a good one. Throws ntm::Error naming the path.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace ntm
