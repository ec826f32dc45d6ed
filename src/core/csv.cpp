#include "core/csv.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/error.h"

namespace ntm {

std::string csv_field(std::string_view field, char separator) {
    bool quote = false;
    for (char c : field)
        if (c == separator || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    if (!quote) return std::string(field);
    std::string out;
    out.reserve(field.size() + 2);
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_record(const std::vector<std::string>& fields, const CsvOptions& options) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += options.separator;
        out += csv_field(fields[i], options.separator);
    }
    out += options.crlf ? "\r\n" : "\n";
    return out;
}

CsvWriter::CsvWriter(CsvOptions options) : options_(options) {
    if (options_.bom) text_ = "\xEF\xBB\xBF";
}

void CsvWriter::row(const std::vector<std::string>& fields) { text_ += csv_record(fields, options_); }

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator) {
    std::vector<std::vector<std::string>> records;
    size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    int line = 1;
    std::vector<std::string> record;
    std::string field;
    bool any = false;  // the current record has begun
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && field.empty()) {
            // A quoted field: runs to the closing quote, "" stands for one quote.
            const int start_line = line;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const char q = text[i];
                if (q == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == '\n') ++line;
                field += q;
                ++i;
            }
            if (!closed)
                throw Error("CSV: unterminated quoted field starting on line " + std::to_string(start_line));
            any = true;
            continue;
        }
        if (c == separator) {
            record.push_back(std::move(field));
            field.clear();
            any = true;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            any = false;
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            continue;
        }
        field += c;
        any = true;
        ++i;
    }
    if (any) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

void write_file_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    fs::path temp = target;
    temp += ".tmp-ntm";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(path + ": cannot write (" + std::strerror(errno) + ")");
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw Error(path + ": write failed");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw Error(path + ": cannot write (" + ec.message() + ")");
    }
}

}  // namespace ntm
