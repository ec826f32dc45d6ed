#pragma once
// Document references: "Quyết định số 1062/QĐ-UBND ngày 17/6/2024 của UBND tỉnh",
// "Công văn số 99/BCĐ-NTM", "Nghị định số 28/2022/NĐ-CP của Chính phủ ngày 26/4/2022".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "io/news_text.h"

namespace ntm::io::news {

struct DocumentRef {
    std::string type;    // "Quyết định", "Công văn", ... as written (or from the number's code)
    std::string number;  // "1062/QĐ-UBND"
    std::string issuer;  // "UBND tỉnh" from "của ...", else from the number ("UBND", "Chính phủ")
    std::optional<Date> date;  // from "ngày D/M/YYYY" inside the reference, never guessed
    std::string text;    // the reference as written
    std::size_t from = 0, to = 0;  // token range, the date and the issuer included
    // Introduced as background ("Thực hiện ...", "Căn cứ ...", "Theo ...", "Triển khai ...",
    // "quy định tại ..."): the sentence is about something done under it, not about issuing it.
    bool context = false;
    std::size_t context_from = 0;  // where those words start (== from when not context)
};

// Every reference in tokens [from, to) of `text`, in order.
std::vector<DocumentRef> find_documents(std::string_view text, const Tokens& t, std::size_t from, std::size_t to);

}  // namespace ntm::io::news
