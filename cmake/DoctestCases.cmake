# Each doctest case of a test binary as its own CTest test, named after the case and labelled, so that
# `ctest -R 'payload:'` runs those cases and a failure names its case (`ctest -L unit` runs them all).
#
# After each link, the binary lists its cases (--list-test-cases) and this file, run as a script, writes one
# add_test per case into a file that CTest includes. Names are read line by line, never as CMake lists, so
# `;`, `[` and quotes in a case name are kept as they are; commas are escaped for doctest's filter.

if(CMAKE_SCRIPT_MODE_FILE)
  execute_process(COMMAND "${EXE}" --list-test-cases --no-version=true
                  OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${EXE} --list-test-cases failed (${rc})")
  endif()
  set(script "")
  set(count 0)
  string(LENGTH "${out}" rest_len)
  while(rest_len GREATER 0)
    string(FIND "${out}" "\n" nl)
    if(nl EQUAL -1)
      set(line "${out}")
      set(out "")
    else()
      string(SUBSTRING "${out}" 0 ${nl} line)
      math(EXPR next "${nl} + 1")
      string(SUBSTRING "${out}" ${next} -1 out)
    endif()
    string(LENGTH "${out}" rest_len)
    if(line STREQUAL "" OR line MATCHES "^\\[doctest\\]" OR line MATCHES "^=+$")
      continue()
    endif()
    # doctest's filter: a comma separates patterns, so escape it.
    string(REPLACE "," "\\," filter "${line}")
    # Both go into quoted CMake arguments (where a `;` needs no escape: the argument is one).
    foreach(v line filter)
      string(REPLACE "\\" "\\\\" ${v} "${${v}}")
      string(REPLACE "\"" "\\\"" ${v} "${${v}}")
      string(REPLACE "$" "\\$" ${v} "${${v}}")
    endforeach()
    string(APPEND script "add_test(\"${PREFIX}${line}\" \"${EXE}\" \"--test-case=${filter}\")\n")
    # Passed means the case ran and passed: a filter that matched no case (doctest exits 0) fails.
    string(APPEND script "set_tests_properties(\"${PREFIX}${line}\" PROPERTIES LABELS \"${LABEL}\" "
                         "PASS_REGULAR_EXPRESSION \"test cases: +[1-9][0-9]* [|] +[1-9][0-9]* passed [|] +0 failed\")\n")
    math(EXPR count "${count} + 1")
  endwhile()
  if(count EQUAL 0)
    message(FATAL_ERROR "${EXE} lists no test cases")
  endif()
  file(WRITE "${OUT}" "${script}")
  return()
endif()

set(TWCTL_DOCTEST_CASES_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

# twctl_doctest_cases(target LABEL label [PREFIX prefix])
function(twctl_doctest_cases target)
  cmake_parse_arguments(arg "" "LABEL;PREFIX" "" ${ARGN})
  set(ctest_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_cases.cmake)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D EXE=$<TARGET_FILE:${target}> -D OUT=${ctest_file} -D LABEL=${arg_LABEL}
            -D PREFIX=${arg_PREFIX} -P ${TWCTL_DOCTEST_CASES_SCRIPT}
    COMMENT "Listing the doctest cases of ${target} for CTest"
    VERBATIM)
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${ctest_file})
endfunction()
