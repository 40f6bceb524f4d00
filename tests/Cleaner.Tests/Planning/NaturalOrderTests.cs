namespace OciCleanup.Cleaner.Tests.Planning;

public class NaturalOrderTests
{
    [Theory]
    [InlineData("0.2.0", "0.10.0")]
    [InlineData("1.9", "1.10")]
    [InlineData("v9", "v10")]
    [InlineData("1.0", "1.0.1")]
    [InlineData("build-007", "build-8")]
    [InlineData("a", "b")]
    [InlineData("0.1.9-rc1", "0.1.9-rc2")]
    [InlineData("99999999999999999999", "100000000000000000000")]
    public void Compare_NumbersAsNumbers(string smaller, string larger)
    {
        NaturalOrder.Instance.Compare(smaller, larger).ShouldBeLessThan(0);
        NaturalOrder.Instance.Compare(larger, smaller).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Compare_EqualNumbersWithLeadingZeros_StillATotalOrder()
    {
        NaturalOrder.Instance.Compare("v01", "v1").ShouldNotBe(0);
        NaturalOrder.Instance.Compare("v1", "v1").ShouldBe(0);
    }
}
