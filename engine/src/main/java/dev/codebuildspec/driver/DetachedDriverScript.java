package dev.codebuildspec.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script a detached driver runs inside the container (a Jenkins durable task, or any host that
 * polls a log file): it puts the engine's driver into the container's tmpfs and runs it, its output
 * piped through a masking filter <em>inside the container</em>, so a log file on the host's disk
 * never holds a secret value.
 *
 * <p>The filter reads the forms to mask from its environment ({@code CBS_MASK_0}, {@code CBS_MASK_1}, …,
 * passed by name with {@code docker exec -e}), never from argv or from a file. Event lines behind the
 * driver's marker are left alone (they hold ids and names only); the hex-encoded exported values between
 * {@code V} and {@code v} events are decoded, masked and re-encoded. It is a Perl program where the image
 * has Perl (most build images): it reads whatever the pipe holds (up to 64 KiB), masks every complete line
 * of it with one alternation of the forms and writes them in one go, so the log stays live. Before the
 * alternation (250 MB/s with the 80 forms of 20 secrets) it looks for one byte of each form, the one rarest in the
 * log so far, with one character class (2 GB/s): a chunk with none of those bytes holds no form and goes out as it
 * is (bench P9). Otherwise it is an awk program, which must flush every line to keep the
 * log live (a write per line: several times slower). Both hold back a line until its newline. Without
 * secrets the driver runs directly. With secrets and neither Perl nor awk in the image the build fails
 * rather than write unmasked output to the agent's disk.
 */
public final class DetachedDriverScript {
    static final String MASK_PREFIX = "CBS_MASK_";
    static final String MARK_VARIABLE = "CBS_MARK";

    static final String AWK = String.join("\n",
            "BEGIN {",
            "  mark = ENVIRON[\"" + MARK_VARIABLE + "\"]; n = 0; inval = 0; hexbuf = \"\"",
            "  for (k in ENVIRON) if (k ~ /^" + MASK_PREFIX + "[0-9]+$/) { i = substr(k, " + (MASK_PREFIX.length() + 1)
                    + ") + 0; f[i] = ENVIRON[k]; if (i + 1 > n) n = i + 1 }",
            "  for (i = 1; i < 256; i++) ord[sprintf(\"%c\", i)] = i",
            "}",
            "function mask(s,   i, p, out, v, l) {",
            "  for (i = 0; i < n; i++) {",
            "    v = f[i]; l = length(v); if (l == 0 || index(s, v) == 0) continue",
            "    out = \"\"",
            "    while ((p = index(s, v)) > 0) { out = out substr(s, 1, p - 1) \"***\"; s = substr(s, p + l) }",
            "    s = out s",
            "  }",
            "  return s",
            "}",
            "function unhex(h,   s, i) {",
            "  s = \"\"; h = tolower(h); gsub(/[^0-9a-f]/, \"\", h)",
            "  for (i = 1; i < length(h); i += 2)",
            "    s = s sprintf(\"%c\", (index(\"0123456789abcdef\", substr(h, i, 1)) - 1) * 16 + index(\"0123456789abcdef\", substr(h, i + 1, 1)) - 1)",
            "  return s",
            "}",
            "function tohex(s,   i, out) {",
            "  out = \"\"; for (i = 1; i <= length(s); i++) out = out sprintf(\" %02x\", ord[substr(s, i, 1)])",
            "  return out",
            "}",
            "{",
            "  line = $0",
            "  p = mark == \"\" ? 0 : index(line, mark)",
            "  if (inval) {",
            "    if (p == 1 && substr(line, length(mark) + 1) == \"v\") {",
            "      printf \"%s\\n%s\\n\", tohex(mask(unhex(hexbuf))), line; inval = 0; hexbuf = \"\"; fflush(); next",
            "    }",
            "    hexbuf = hexbuf \" \" line; next",
            "  }",
            "  if (p > 0) {",
            "    printf \"%s%s\\n\", mask(substr(line, 1, p - 1)), substr(line, p)",
            "    if (substr(line, p + length(mark), 2) == \"V \") { inval = 1; hexbuf = \"\" }",
            "  } else {",
            "    printf \"%s\\n\", mask(line)",
            "  }",
            "  fflush()",
            "}",
            "END { if (inval) printf \"%s\\n\", tohex(mask(unhex(hexbuf))) }",
            "");

    /** The same filter in Perl, run with {@code perl -e '...'}: so it holds no single quote. */
    static final String PERL = String.join("\n",
            "my $mark = defined $ENV{" + MARK_VARIABLE + "} ? $ENV{" + MARK_VARIABLE + "} : \"\";",
            "my @f = grep { length } map { $ENV{$_} } grep { /^" + MASK_PREFIX + "[0-9]+$/ } keys %ENV;",
            "my $alt = join(\"|\", map { quotemeta } sort { length($b) <=> length($a) } @f);",
            "my $re = qr/$alt/;",
            "my ($buf, $inval, $hex) = (\"\", 0, \"\");",
            "my ($has, $hits) = (undef, 0);",
            "sub pick {",
            "  my %n; $n{$_}++ for split //, substr($_[0], -8192);",
            "  my %c;",
            "  for my $x (@f) { my $b; for (split //, $x) { $b = $_ if !defined $b || ($n{$_} || 0) < ($n{$b} || 0) } $c{$b} = 1 }",
            "  my $set = join(\"\", map { quotemeta } keys %c); $has = qr/[$set]/; $hits = 0;",
            "}",
            "sub m_ {",
            "  my $s = shift; return $s if !length $alt;",
            "  pick($s) if !$has || $hits >= 64;",
            "  if ($s =~ $has) { $hits++; $s =~ s/$re/***/g }",
            "  return $s;",
            "}",
            "sub unhex { my $h = lc shift; $h =~ s/[^0-9a-f]//g; return pack(\"H*\", substr($h, 0, length($h) - length($h) % 2)) }",
            "sub tohex { return join(\"\", map { sprintf(\" %02x\", $_) } unpack(\"C*\", shift)) }",
            "sub line {",
            "  my $c = shift; $c =~ s/\\n\\z//;",
            "  my $p = $mark eq \"\" ? -1 : index($c, $mark);",
            "  if ($inval) {",
            "    if ($p == 0 && substr($c, length $mark) eq \"v\") {",
            "      my $r = tohex(m_(unhex($hex))) . \"\\n\" . $c . \"\\n\"; $inval = 0; $hex = \"\"; return $r;",
            "    }",
            "    $hex .= \" \" . $c; return \"\";",
            "  }",
            "  if ($p >= 0) {",
            "    if (substr($c, $p + length($mark), 2) eq \"V \") { $inval = 1; $hex = \"\" }",
            "    return m_(substr($c, 0, $p)) . substr($c, $p) . \"\\n\";",
            "  }",
            "  return m_($c) . \"\\n\";",
            "}",
            "sub lines {",
            "  my $t = shift;",
            "  return m_($t) if !$inval && ($mark eq \"\" || index($t, $mark) < 0);",
            "  return join(\"\", map { line($_) } split /(?<=\\n)/, $t);",
            "}",
            "sub put {",
            "  my $s = shift;",
            "  while (length $s) { my $w = syswrite(STDOUT, $s); if (!defined $w) { next if $!{EINTR}; exit 1 } substr($s, 0, $w, \"\") }",
            "}",
            "binmode STDIN; binmode STDOUT;",
            "while (1) {",
            "  my $n = sysread(STDIN, $buf, 65536, length $buf);",
            "  if (!defined $n) { next if $!{EINTR}; last }",
            "  last if $n == 0;",
            "  my $cut = rindex($buf, \"\\n\");",
            "  next if $cut < 0;",
            "  my $out = lines(substr($buf, 0, $cut + 1, \"\"));",
            "  put($out);",
            "}",
            "my $out = length($buf) ? line($buf) : \"\";",
            "$out .= tohex(m_(unhex($hex))) . \"\\n\" if $inval;",
            "put($out);",
            "");

    private DetachedDriverScript() {
    }

    /** The durable task's script. It holds no secret value: those come from the environment. */
    public static String script(String driver, String shell, DriverMarker marker, boolean masking, String stateDir) {
        String delimiter = "CBS_DRIVER_" + marker.nonce();
        String path = stateDir + "/driver.sh";
        StringBuilder s = new StringBuilder(driver.length() + AWK.length() + 1024);
        s.append("#!/bin/sh\n");
        s.append("# codebuild-spec: the buildspec driver, run inside the build container.\n");
        s.append("umask 077\n");
        s.append("mkdir -p ").append(stateDir).append(" || exit 97\n");
        s.append("cat >").append(path).append(" <<'").append(delimiter).append("'\n");
        s.append(driver);
        if (!driver.endsWith("\n")) {
            s.append('\n');
        }
        s.append(delimiter).append('\n');
        s.append("umask 022\n");
        s.append("if ! command -v ").append(shell).append(" >/dev/null 2>&1; then echo 'codebuild-spec: the image has no ")
                .append(shell).append(" (env/shell)'; exit 127; fi\n");
        if (!masking) {
            s.append("exec ").append(shell).append(' ').append(path).append(" </dev/null\n");
            return s.toString();
        }
        s.append(MARK_VARIABLE).append("=$(printf '\\036CBS-").append(marker.nonce()).append(" ')\n");
        s.append("export ").append(MARK_VARIABLE).append('\n');
        s.append("if command -v perl >/dev/null 2>&1; then\n");
        s.append("  ").append(shell).append(' ').append(path).append(" </dev/null 2>&1 | LC_ALL=C perl -e '").append(PERL)
                .append("'\n");
        s.append("elif command -v awk >/dev/null 2>&1; then\n");
        s.append("  ").append(shell).append(' ').append(path).append(" </dev/null 2>&1 | LC_ALL=C awk '").append(AWK)
                .append("'\n");
        s.append("else\n");
        s.append("  echo 'codebuild-spec: the image has neither perl nor awk, which mask secret values inside the ")
                .append("container; not running a build with secrets unmasked'; exit 127\n");
        s.append("fi\n");
        return s.toString();
    }

    /** The variables carrying the forms to mask; their names go on argv, their values never. */
    public static Map<String, String> maskVariables(List<String> forms) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            m.put(MASK_PREFIX + i, forms.get(i));
        }
        return m;
    }
}
