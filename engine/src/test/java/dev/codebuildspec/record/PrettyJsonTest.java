package dev.codebuildspec.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
    @Test
    void writesWhatGsonsPrettyPrintingWrites() {
        String[] trees = {
            "{\"id\":\"a<b>&'=\",\"n\":42,\"f\":1.5,\"big\":12345678901234,\"ok\":true,\"none\":[],\"empty\":{},"
                    + "\"phases\":[{\"t\":\"BUILD\",\"ctx\":[{\"m\":\"grüße \\u2028 \\\"q\\\" \\\\ \\n\"}]},1,false],"
                    + "\"nested\":{\"a\":{\"b\":[[],[{}]]}}}",
            "[]", "{}", "\"text\""};
        for (String tree : trees) {
            var element = JsonParser.parseString(tree);
            assertThat(PrettyJson.write(element))
                    .isEqualTo(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(element) + "\n");
        }
    }
}
