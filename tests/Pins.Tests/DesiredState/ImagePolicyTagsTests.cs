namespace OciCleanup.Pins.Tests.DesiredState;

public class ImagePolicyTagsTests
{
    [Fact]
    public void Pick_FluxNumericalExample_OnlyTheNewestBuild()
    {
        // flux create image policy --select-numeric=asc --filter-regex='^main-[a-f0-9]+-(?P<ts>[0-9]+)' --filter-extract='$ts'
        var policy = Policy("^main-[a-f0-9]+-(?P<ts>[0-9]+)$", "$ts", new NumericalOrder(Ascending: true));
        string[] tags = ["main-3f2a1b-1718000000", "main-9c0ffe-1718000900", "main-77aa01-1717999999", "dev-111111-1719999999", "latest", "0.1.12"];

        var pick = policy.Pick(tags);

        pick.Tags.ShouldBe(["main-9c0ffe-1718000900"]);
        pick.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Pick_NumericalDesc_TheLeastNumber() =>
        Policy("^build-(?P<n>[0-9]+)$", "$n", new NumericalOrder(Ascending: false)).Pick(["build-10", "build-9", "build-100"]).Tags.ShouldBe(["build-9"]);

    [Fact]
    public void Pick_NumericalWithOneNonNumber_PicksNothingAndSaysWhich()
    {
        var pick = Policy("^main-", "", new NumericalOrder(Ascending: true)).Pick(["main-1", "main-2"]);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("is not a number");
    }

    [Fact]
    public void Pick_NumericalEqualNumbers_AllOfThem()
    {
        var pick = Policy("^r(?P<n>[0-9.]+)$", "$n", new NumericalOrder(Ascending: true)).Pick(["r7", "r07", "r7.0", "r6"]);

        pick.Tags.ShouldBe(["r7", "r07", "r7.0"], ignoreOrder: true);
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("listing order");
    }

    [Fact]
    public void Pick_NumericalHexNumber_ProtectsEveryAdmittedTagAndWarns()
    {
        var pick = Policy("^n-(?P<n>.+)$", "$n", new NumericalOrder(Ascending: true)).Pick(["n-0x1p4", "n-3", "other"]);

        pick.Tags.ShouldBe(["n-0x1p4", "n-3"], ignoreOrder: true);
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("0x1p4");
    }

    [Theory]
    // Go's sort: asc takes the last (greatest) string, desc the first (least)
    [InlineData(true, "c")]
    [InlineData(false, "a")]
    public void Pick_Alphabetical_AscGreatestDescLeast(bool ascending, string expected) =>
        new ImagePolicyTags(null, "", new AlphabeticalOrder(ascending)).Pick(["b", "a", "c"]).Tags.ShouldBe([expected]);

    [Fact]
    public void Pick_AlphabeticalIsByteOrder_UpperCaseBeforeLowerCase() =>
        new ImagePolicyTags(null, "", new AlphabeticalOrder(true)).Pick(["Zeta", "alpha"]).Tags.ShouldBe(["alpha"]);

    [Fact]
    public void Pick_FluxAlphabeticalTimestampExample_NewestRelease() =>
        Policy(@"^RELEASE\.(?P<timestamp>.*)Z$", "$timestamp", new AlphabeticalOrder(true))
            .Pick(["RELEASE.2024-05-01T10-00-00Z", "RELEASE.2024-06-11T09-30-00Z", "RELEASE.2023-12-31T23-59-59Z", "latest"])
            .Tags.ShouldBe(["RELEASE.2024-06-11T09-30-00Z"]);

    [Fact]
    public void Pick_SemverRangeWithoutStatus_WhatFluxPicksOnFirstReconcile()
    {
        var policy = new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse(">=1.0.0 <2.0.0")));

        policy.Pick(["0.9.0", "1.0.0", "1.9.0", "2.0.0", "1.10.0-rc.1", "staging", "1.8"]).Tags.ShouldBe(["1.9.0"]);
    }

    [Fact]
    public void Pick_FluxReleaseCandidateExample_HighestCandidate() =>
        Policy(".*-rc.*", "", new SemverOrder(FluxSemverRange.Parse("^1.x-0")))
            .Pick(["1.2.0", "1.3.0-rc.1", "1.3.0-rc.2", "2.0.0-rc.1"]).Tags.ShouldBe(["1.3.0-rc.2"]);

    [Fact]
    public void Pick_SemverEqualVersions_AllOfThemWithWarning()
    {
        var pick = new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse("*"))).Pick(["1.2.0", "v1.2.0", "1.1.0"]);

        pick.Tags.ShouldBe(["1.2.0", "v1.2.0"], ignoreOrder: true);
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("listing order");
    }

    [Fact]
    public void Pick_SemverNothingInRange_PicksNothingAndSaysTheRange()
    {
        var pick = new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse(">=3.0.0"))).Pick(["1.0.0", "2.0.0"]);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain(">=3.0.0");
    }

    [Fact]
    public void Pick_TwoTagsExtractToThePickedValue_BothProtected()
    {
        // Flux keeps one tag per extracted value, the last one listed: which one depends on listing order.
        var pick = Policy("-(?P<ts>[0-9]+)$", "$ts", new NumericalOrder(true)).Pick(["main-aaa-20", "hotfix-bbb-20", "main-ccc-10"]);

        pick.Tags.ShouldBe(["main-aaa-20", "hotfix-bbb-20"], ignoreOrder: true);
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("main-aaa-20");
    }

    [Fact]
    public void Pick_PatternSearchedAnywhere_NotAnchored() =>
        Policy("staging", "", new AlphabeticalOrder(true)).Pick(["pre-staging-2", "staging-1", "prod"]).Tags.ShouldBe(["staging-1"]);

    [Fact]
    public void Pick_NoTagAdmitted_PicksNothingAndSaysSo()
    {
        var pick = Policy("^v", "", new AlphabeticalOrder(true)).Pick(["1.0.0"]);

        pick.Tags.ShouldBeEmpty();
        pick.Warnings.ShouldHaveSingleItem().ShouldContain("no tag is admitted");
    }

    [Fact]
    public void Equals_SameSpec_OneEntryInAHashSet()
    {
        var set = new HashSet<ImagePolicyTags>
        {
            Policy("^main-(?P<ts>[0-9]+)$", "$ts", new NumericalOrder(true)),
            Policy("^main-(?P<ts>[0-9]+)$", "$ts", new NumericalOrder(true)),
            new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse("~1.4"))),
            new ImagePolicyTags(null, "", new SemverOrder(FluxSemverRange.Parse("~1.4"))),
        };

        set.Count.ShouldBe(2);
    }

    private static ImagePolicyTags Policy(string pattern, string extract, TagOrder order) =>
        GoRegex.TryParse(pattern, out var regex, out var error) ? new ImagePolicyTags(regex, extract, order) : throw new ArgumentException(error);
}
