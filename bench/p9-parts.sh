#!/usr/bin/env bash
# P9's parts (bench/README.md): the unmasked script, the Perl filter with its substitution removed (a pipe and a Perl
# process that only copy) and the masked script, in one container, in alternating rounds; then what Perl's matching
# costs per 200 MB in memory (CPU seconds from `times`: the test image has no Time::HiRes). Needs Docker, the Debian
# test image and the JMH jar (`mvn -Pbench package -DskipTests`).   bench/p9-parts.sh [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/test-images.env"
IMG=${BENCH_IMAGE:-$DEBIAN_IMAGE}
work=$(mktemp -d)
cid=
trap 'rm -rf "$work"; [ -z "$cid" ] || docker rm -f "$cid" >/dev/null' EXIT
java -cp "$ROOT/bench/target/benchmarks.jar" dev.codebuildspec.bench.DetachedTask "$work" 200000000 20
sed "s/if (\$s =~ \$has) { \$hits++; \$s =~ s\/\$re\/\*\*\*\/g }//" "$work/masked.sh" >"$work/copy.sh"
set -a; . "$work/forms.env"; set +a
names=$(cut -d= -f1 "$work/forms.env" | sed 's/^/-e /' | tr '\n' ' ')
cid=$(docker run -d -v "$work:/io" --entrypoint sh "$IMG" -c 'while :; do sleep 3600; done')
now() { date +%s.%N; }
timed() { local s; s=$(now); "$@" >/dev/null 2>&1; python3 -c "print(f'{$(now)-$s:.3f}')"; }
echo "round | plain | Perl copying only | masked"
for i in $(seq "${1:-3}"); do
  # shellcheck disable=SC2086 # the names, one -e each
  echo "$i | $(timed docker exec "$cid" sh -c 'sh /io/plain.sh > /io/log.txt 2>&1') \
| $(timed docker exec $names "$cid" sh -c 'sh /io/copy.sh > /io/log.txt 2>&1') \
| $(timed docker exec $names "$cid" sh -c 'sh /io/masked.sh > /io/log.txt 2>&1')"
done
# shellcheck disable=SC2086
docker exec $names "$cid" perl -e '
my @f = grep { length } map { $ENV{$_} } sort grep { /^CBS_MASK_[0-9]+$/ } keys %ENV;
my $line = "[INFO] Compiling module src/main/java/com/example/Service.java ... ok (0.012s) build step 4242\n";
my $chunk = substr($line x 1000, 0, 65536);
sub cpu { my @t = times; return $t[0] + $t[1] }
sub each_chunk { my $code = shift; my $t = cpu(); $code->() for 1 .. 3052; return cpu() - $t }
for my $n (scalar @f, 40, 20, 4, 1) {
  my $alt = join("|", map { quotemeta } sort { length($b) <=> length($a) } @f[0 .. $n - 1]); my $re = qr/$alt/;
  printf "alternation of %d forms: %.2f s\n", $n, each_chunk(sub { my $s = $chunk; $s =~ s/$re/***/g });
}
my %n; $n{$_}++ for split //, $chunk;
my %c; for my $x (@f) { my $b; for (split //, $x) { $b = $_ if !defined $b || ($n{$_} || 0) < ($n{$b} || 0) } $c{$b} = 1 }
my $set = join("", map { quotemeta } keys %c); my $cls = qr/[$set]/;
printf "one class of the rarest byte of each form (%d bytes): %.2f s\n", scalar(keys %c), each_chunk(sub { $chunk =~ $cls });
printf "a copy of the chunk: %.2f s\n", each_chunk(sub { my $s = $chunk });'
