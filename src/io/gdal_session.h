#pragma once
// GDAL set-up shared by every io entry point: drivers registered once, errors captured so they
// can be turned into one-line messages instead of being printed by GDAL itself.
#include <cpl_error.h>

#include <string>

namespace ntm::io {

void ensure_gdal();

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
