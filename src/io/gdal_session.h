#pragma once
// GDAL set-up shared by every io entry point: drivers registered once, errors captured so they
// can be turned into one-line messages instead of being printed by GDAL itself.
#include <cpl_error.h>

#include <string>
#include <vector>

namespace ntm::io {

// Registers the drivers once and installs a process-wide handler that keeps GDAL, PROJ and GEOS
// messages ("Warning 1: ...", "ERROR 1: ...") off stderr: outside a GdalErrorCapture they are
// kept for gdal_messages(), so the tool's own one-line message is the only thing a user sees.
void ensure_gdal();

// GDAL messages reported outside any GdalErrorCapture since the last call, oldest first; clears them.
std::vector<std::string> take_gdal_messages();

// Throws ntm::Error "PATH: is not a regular file (a named pipe)" for a FIFO, socket or device, so
// that no open blocks for ever waiting on a writer, and "PATH: no such file" when it is absent.
// GDAL connection strings and /vsi paths (other than /vsigzip/ on a local file) pass unchecked.
// Every io open path calls it before GDAL or a stream sees the path.
void require_regular_file(const std::string& path);

// While alive, GDAL errors and warnings are collected instead of printed.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    // The first error message GDAL reported (warnings when there was no error), or "".
    std::string message() const;
    bool has_error() const { return !first_error_.empty(); }
    void clear();

private:
    std::string first_error_, first_warning_;
    static void CPL_STDCALL handler(CPLErr error_class, CPLErrorNum code, const char* message);
};

}  // namespace ntm::io
