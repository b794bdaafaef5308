# Filters `dotnet test` output (Microsoft.Testing.Platform's terminal reporter, piped, so without ANSI codes):
# passes every line through except the per-test "skipped" blocks, whose reasons it prints once each at the
# end with how many tests skipped for it. A skip block is a line "skipped TEST" followed by indented lines:
# the reason (one or more lines) and "  from MODULE"; it ends at the first line that is not indented.
function close_block() {
  if (in_block) {
    if (!(reason in count)) order[++reasons] = reason
    count[reason]++
    in_block = 0
  }
}
/^skipped / { close_block(); in_block = 1; reason = ""; next }
in_block && /^  / {
  line = $0; sub(/^ +/, "", line)
  if (line !~ /^from /) reason = reason == "" ? line : reason " / " line
  next
}
{ close_block(); print; fflush() }
END {
  close_block()
  if (reasons > 0) {
    print ""
    print "Skipped tests, once per reason:"
    for (i = 1; i <= reasons; i++) printf "  %5d x %s\n", count[order[i]], (order[i] == "" ? "(no reason given)" : order[i])
  }
}
