// libstdc++ 13 moved iostream start-up into std::ios_base_library_init (GLIBCXX_3.4.32); libstdc++ 12
// initialises iostreams through ios_base::Init objects instead, so constructing one is the equivalent.
#include <ios>
namespace std { void ios_base_library_init() { static ios_base::Init init; } }
