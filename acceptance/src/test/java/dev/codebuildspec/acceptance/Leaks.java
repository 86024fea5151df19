package dev.codebuildspec.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a build must not leave: a container of ours on its node, or a secret value on disk in the build's directory,
 * its workspace or the workspace's {@code @tmp}. Both are looked for through the script console, on the node itself.
 */
final class Leaks {
    private Leaks() {
    }

    /** The ids of containers this build started that still exist on {@code node} ("" for the controller). */
    static String containers(Build b, String node) throws IOException, InterruptedException {
        return b.jenkins().groovy("""
                import hudson.model.*
                def j = jenkins.model.Jenkins.get()
                def run = j.getItemByFullName('%s').getBuildByNumber(%d)
                def owner = 'jenkins:' + j.legacyInstanceId + ':' + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(run.externalizableId.getBytes('UTF-8'))
                def node = '%s' == '' ? j : j.getNode('%s')
                def out = new ByteArrayOutputStream()
                node.createLauncher(TaskListener.NULL).launch().cmds('docker', 'ps', '-aq', '--filter',
                        'label=io.jenkins.codebuildspec.owner=' + owner).stdout(out).quiet(true).join()
                print(out.toString().trim())
                """.formatted(b.job(), b.number(), node, node)).trim();
    }

    /** Files that hold any of {@code secrets}, with the secret's length (never the value). */
    static List<String> secretsOnDisk(Build b, String node, List<String> secrets) throws IOException, InterruptedException {
        String encoded = secrets.stream().map(s -> "'" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "'")
                .collect(Collectors.joining(", "));
        String out = b.jenkins().groovy("""
                import hudson.FilePath
                def j = jenkins.model.Jenkins.get()
                def job = j.getItemByFullName('%s')
                def run = job.getBuildByNumber(%d)
                def secrets = [%s].collect { new String(it.decodeBase64(), 'ISO-8859-1') }
                def hits = []
                def scan = { FilePath root ->
                    if (root == null || !root.exists()) return
                    root.list('**/*', null, false).each { f ->
                        def text = new String(f.read().bytes, 'ISO-8859-1')
                        secrets.each { s -> if (text.contains(s)) hits << (f.remote + ' holds a secret of ' + s.length() + ' bytes') }
                    }
                }
                scan(new FilePath(run.rootDir))
                def node = '%s' == '' ? j : j.getNode('%s')
                def ws = node.getWorkspaceFor(job)
                scan(ws)
                if (ws != null) scan(ws.sibling(ws.name + '@tmp'))
                print(hits.join('\\n'))
                """.formatted(b.job(), b.number(), encoded, node, node)).trim();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
