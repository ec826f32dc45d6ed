#pragma once
// The import's messages in the dialog's language. io (the command line's reader) writes its
// errors, warnings and match reasons in English, one line each and in fixed forms
// (io/table_import.h, io/tables.h); the dialog is Vietnamese by default, so each known form is
// rewritten here into Vietnamese, the values in it (file, row, column, names, codes) kept as
// they are. A line of no known form is shown as io wrote it.
#include <string>

namespace ntm::ui {

// The Vietnamese of one io message (any number of lines).
std::string import_message_vi(const std::string& message);
// import_message_vi in Vietnamese (current_lang()), the message itself in English.
std::string import_message(const std::string& message);

}  // namespace ntm::ui
