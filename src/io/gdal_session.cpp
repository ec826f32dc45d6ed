#include "io/gdal_session.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <mutex>

namespace ntm::io {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // Keep GDAL from looking for sidecar files we do not use on every open.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        // Long GeoJSON objects (the national file has multi-MB features) must not be refused.
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
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
