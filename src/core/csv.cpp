#include "core/csv.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Hidden, per process, in the same folder (so the rename cannot cross file systems).
    const std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    auto fail = [&](int err) {
        ::unlink(tmp.c_str());
        return Error(path + ": cannot write (" + std::strerror(err) + ")");
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw Error(path + ": cannot write (" + std::strerror(errno) + ")");
    for (size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            throw fail(err);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        throw fail(err);
    }
    if (::close(fd) != 0) throw fail(errno);
    if (::rename(tmp.c_str(), path.c_str()) != 0) throw fail(errno);
    // The rename itself survives a crash only once the folder is synced.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace ntm
