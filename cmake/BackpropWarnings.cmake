# Warnings on all kit code, including the stubs students edit. ./kit verify and CI build
# with BACKPROP_WERROR=ON, so a stub that warns fails the kit. Never -ffast-math: the
# gradient checks and the stable sigmoid/softmax rely on IEEE semantics.
function(bp_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wold-style-cast)
    if(BACKPROP_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${BACKPROP_WERROR}>:/WX>)
  endif()
endfunction()

if(BACKPROP_SANITIZE)
  # Everything, GoogleTest included, so container overflows are seen across the boundary.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
