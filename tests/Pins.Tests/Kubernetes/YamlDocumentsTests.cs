using System.Text;

namespace OciCleanup.Pins.Tests.Kubernetes;

public class YamlDocumentsTests
{
    // Each level an anchor holding ten aliases of the one before: 10^levels leaves once expanded.
    private static string Laughs(int levels)
    {
        var yaml = new StringBuilder("l0: &l0 \"lol\"\n");
        for (var i = 1; i <= levels; i++)
        {
            yaml.Append($"l{i}: &l{i} [").AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 10)).Append("]\n");
        }

        return yaml.ToString();
    }

    [Theory]
    [InlineData("tag: 1.10", "{\"tag\":\"1.10\"}")]
    [InlineData("a: ~\nb: null\nc: ''\nd:", "{\"a\":null,\"b\":null,\"c\":\"\",\"d\":null}")]
    [InlineData("base: &b {image: r/a:1}\ncopy: *b", "{\"base\":{\"image\":\"r/a:1\"},\"copy\":{\"image\":\"r/a:1\"}}")]
    [InlineData("k: 1\nk: 2", "{\"k\":\"2\"}")]
    [InlineData("? [a, b]\n: skipped\nkept: yes", "{\"kept\":\"yes\"}")]
    [InlineData("name: &n app\n*n : aliased-key", "{\"name\":\"app\",\"app\":\"aliased-key\"}")]
    [InlineData("list: [a, [b, {c: d}]]", "{\"list\":[\"a\",[\"b\",{\"c\":\"d\"}]]}")]
    public void Parse_Document_AsJsonWithStringScalars(string yaml, string json)
    {
        YamlDocuments.Parse(yaml).ShouldHaveSingleItem().ToJsonString().ShouldBe(json);
    }

    [Fact]
    public void Parse_SeveralDocuments_EmptyOnesLeftOut()
    {
        YamlDocuments.Parse("a: 1\n---\n---\nb: 2\n").Select(d => d.ToJsonString()).ShouldBe(["{\"a\":\"1\"}", "{\"b\":\"2\"}"]);
    }

    [Fact]
    public void Parse_AliasesWithinBudget_ExpandedInFull()
    {
        var root = (JsonObject)YamlDocuments.Parse(Laughs(5)).ShouldHaveSingleItem();

        ((JsonArray)root["l5"]!).Count.ShouldBe(10);
        root["l5"]![9]![9]![9]![9]![9]!.GetValue<string>().ShouldBe("lol");
    }

    [Fact]
    public void Parse_BillionLaughs_FailsAtTheNodeBudgetBeforeBuildingIt()
    {
        var e = Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse(Laughs(9)));

        e.Message.ShouldContain($"more than {YamlDocuments.MaxNodes} nodes");
        e.Line.ShouldBeInRange(7, 10);
    }

    [Fact]
    public void Parse_LongTextRepeatedByAliases_FailsAtTheTextBudget()
    {
        var yaml = $"big: &big {new string('x', 1_000_000)}\ncopies: [{string.Join(", ", Enumerable.Repeat("*big", 100))}]\n";

        Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse(yaml)).Message.ShouldContain("characters of text");
    }

    [Theory]
    [InlineData("a: &a [*a]")]
    [InlineData("a: *nowhere")]
    public void Parse_AliasWithoutAnEarlierAnchor_Fails(string yaml)
    {
        Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse(yaml)).Message.ShouldContain("names no anchor");
    }

    [Fact]
    public void Parse_MalformedYaml_FailsNamingTheLine()
    {
        var e = Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse("image:\n  repository: reg.io/app\n tag: [staging\n"));

        e.Message.ShouldStartWith("malformed YAML at line ");
        e.Line.ShouldBeInRange(3, 4);
        e.Message.ShouldNotContain("(Line:");
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Parse_NestingFarPastTheLimit_FailsWithoutOverflowingTheStack(int depth)
    {
        var yaml = new string('[', depth) + new string(']', depth);

        Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse(yaml)).Message.ShouldContain($"deeper than {YamlDocuments.MaxDepth}");
    }

    [Fact]
    public void Parse_NestingWithinTheLimit_Read()
    {
        var depth = YamlDocuments.MaxDepth - 1;
        var yaml = string.Concat(Enumerable.Repeat("{a: ", depth)) + "leaf" + new string('}', depth);

        var node = YamlDocuments.Parse(yaml).ShouldHaveSingleItem();
        for (var i = 0; i < depth; i++)
        {
            node = node["a"]!;
        }

        node.GetValue<string>().ShouldBe("leaf");
    }

    [Fact]
    public void Parse_AliasThatWouldNestPastTheLimit_Fails()
    {
        var half = YamlDocuments.MaxDepth / 2 + 10;
        var deep = string.Concat(Enumerable.Repeat("{a: ", half)) + "leaf" + new string('}', half);
        var yaml = $"x: &x {deep}\ny: {string.Concat(Enumerable.Repeat("{a: ", half))}*x{new string('}', half)}";

        Should.Throw<YamlDocumentException>(() => YamlDocuments.Parse(yaml)).Message.ShouldContain($"deeper than {YamlDocuments.MaxDepth}");
    }
}
