#include "app/data_source.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.h"

namespace fs = std::filesystem;

namespace ntm::app {

std::string default_dataset_path() {
    if (const char* env = std::getenv("NTM_ATLAS_DATA"); env && *env) return env;
    char exe[4096];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const fs::path dir = n > 0 ? fs::path(std::string(exe, n)).parent_path() : fs::current_path();
    return (dir / "data" / "geo" / "demo.gpkg").string();
}

io::LoadOptions boundary_options(const Args& args, const std::string& source) {
    io::LoadOptions o;
    o.source = source;
    o.layer = args.get_or("layer", "");
    o.fields.code = args.get_or("code-field", "");
    o.fields.name = args.get_or("name-field", "");
    o.fields.kind = args.get_or("kind-field", "");
    o.fields.district = args.get_or("district-field", "");
    o.fields.district_code = args.get_or("district-code-field", "");
    o.encoding = args.get_or("encoding", "");
    o.source_crs = args.get_or("source-crs", "");
    o.display_crs = args.get_or("display-crs", "");
    return o;
}

io::DatasetFile open_data(const Args& args) {
    if (const auto source = args.get("boundaries")) {
        io::LoadOptions o = boundary_options(args, *source);
        o.check_topology = false;
        return io::dataset_from_boundaries(o);
    }
    const std::string path = args.get_or("data", default_dataset_path());
    if (!args.get("data") && !fs::exists(path))
        throw Error("no --data given and the demo dataset " + path +
                    " is missing (make it with: ntm-atlas demo --out " + path + ")");
    return io::load_dataset(path);
}

}  // namespace ntm::app
