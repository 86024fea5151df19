/**
 * Artifact planning (UPLOAD_ARTIFACTS): which files of the source tree go where in the archive. Plain Java on
 * the host's file system; the shell evaluation of {@code name} and {@code base-directory} happens in the build
 * container and arrives as {@link dev.codebuildspec.artifacts.EvaluatedArtifacts}.
 *
 * <p>Entry points: {@link dev.codebuildspec.artifacts.ArtifactPlanner#plan} (artifacts),
 * {@link dev.codebuildspec.artifacts.FileSelection} (any set of CodeBuild path patterns, also
 * for reports and cache), {@link dev.codebuildspec.artifacts.ArtifactCopier} (the CLI's
 * {@code --artifacts DIR}).
 *
 * <h2>Rules decided here (CodeBuild does not document them)</h2>
 * <ul>
 *   <li>Patterns: see {@link dev.codebuildspec.artifacts.PathGlob}. {@code *} never crosses
 *       {@code /} and matches dotfiles; {@code **} matches zero or more directories; no character classes,
 *       braces or escapes.</li>
 *   <li>A literal pattern naming a directory selects its files recursively (and, in {@code exclude-paths},
 *       drops them); it is logged as such. Directories are never entries, only files (and kept links).</li>
 *   <li>Absolute patterns and {@code ..} segments, in {@code files}, {@code exclude-paths} or
 *       {@code base-directory}, are refused and logged; they are not errors by themselves (the set fails only
 *       if nothing at all matched). In {@code name} and {@code s3-prefix} they are errors: the set has no
 *       place to go.</li>
 *   <li>Nothing outside the real source root is collected. Symbolic links inside the tree are followed (a
 *       file entry then names the real file) unless {@code enable-symlinks}, which keeps a selected link as a
 *       link; links leading outside, broken links, directory loops and non-regular files are refused and
 *       logged. Refusals are reported only where a pattern could have reached them.</li>
 *   <li>Two sources on one archive path ({@code discard-paths}, two base directories, two sets) and a file
 *       where another entry needs a directory are errors naming both sources; the same file reached twice on
 *       the same archive path is not.</li>
 *   <li>Layout: {@code [<identifier>/][<s3-prefix>/][<name>/]<path>}; a name that evaluated to "" means no
 *       name.</li>
 *   <li>File names: any byte except {@code /} and NUL is fine (spaces, newlines, leading dashes) as long as the
 *       name decodes in the JVM's {@code sun.jnu.encoding} and back to the same bytes. Under a UTF-8 locale
 *       that is every valid UTF-8 name; a name that is not valid UTF-8 (or, under {@code LANG=C}, any
 *       non-ASCII name) is refused with that reason instead of being archived under a mangled name.</li>
 * </ul>
 */
package dev.codebuildspec.artifacts;
