#include "io/gdal_session.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <sys/stat.h>

#include <mutex>

#include "core/error.h"

namespace ntm::io {
namespace {

std::mutex messages_mutex;
std::vector<std::string> pending_messages;

// Replaces GDAL's default handler (which prints to stderr); debug output is dropped.
void CPL_STDCALL quiet_handler(CPLErr error_class, CPLErrorNum, const char* message) {
    if (error_class == CE_Debug || error_class == CE_None || !message) return;
    std::lock_guard<std::mutex> lock(messages_mutex);
    if (pending_messages.size() < 100) pending_messages.emplace_back(message);
}

}  // namespace

std::vector<std::string> take_gdal_messages() {
    std::lock_guard<std::mutex> lock(messages_mutex);
    std::vector<std::string> out;
    out.swap(pending_messages);
    return out;
}

void require_regular_file(const std::string& path) {
    std::string local = path;
    for (const char* prefix : {"/vsigzip/", "/vsizip/"})
        if (local.rfind(prefix, 0) == 0) local = local.substr(std::string(prefix).size());
    if (local.rfind("/vsi", 0) == 0 || local.find("://") != std::string::npos) return;
    // "GPKG:file.gpkg:layer"-style connection strings are GDAL's business.
    if (local.find(':') != std::string::npos) return;
    // A path inside a .zip (/vsizip/a.zip/b.shp): check the archive itself.
    if (path.rfind("/vsizip/", 0) == 0)
        if (const size_t z = local.find(".zip/"); z != std::string::npos) local = local.substr(0, z + 4);
    struct stat st;
    if (::stat(local.c_str(), &st) != 0) throw Error(path + ": no such file");
    if (S_ISREG(st.st_mode)) return;
    const char* what = S_ISDIR(st.st_mode)    ? nullptr
                       : S_ISFIFO(st.st_mode) ? "a named pipe"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                                              : "not a file";
    // Directories are data sources to GDAL (a folder of shapefiles): let the driver decide.
    if (!what) return;
    throw Error(path + ": is not a regular file (" + what + ")");
}

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Keep GDAL from looking for sidecar files we do not use on every open.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        // Long GeoJSON objects (the national file has multi-MB features) must not be refused.
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        CPLSetErrorHandler(&quiet_handler);
    });
}

GdalErrorCapture::GdalErrorCapture() { CPLPushErrorHandlerEx(&GdalErrorCapture::handler, this); }

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorCapture::handler(CPLErr error_class, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    if (!self || !message) return;
    if (error_class >= CE_Failure && self->first_error_.empty()) self->first_error_ = message;
    if (error_class == CE_Warning && self->first_warning_.empty()) self->first_warning_ = message;
}

std::string GdalErrorCapture::message() const {
    return first_error_.empty() ? first_warning_ : first_error_;
}

void GdalErrorCapture::clear() {
    first_error_.clear();
    first_warning_.clear();
}

}  // namespace ntm::io
