using Tightrope.Ingest;

namespace Tightrope.Tests.Ingest;

public class DateTextTests
{
    [Theory]
    [InlineData("2021-03-09T23:30:00-05:00", 2021, 3, 9)]
    [InlineData("2021-03-10T01:30:00+09:00", 2021, 3, 10)]
    [InlineData("2019-02-10", 2019, 2, 10)]
    [InlineData("Mon, 04 Mar 2024 08:00:00 +0900", 2024, 3, 4)]
    [InlineData("Tue, 05 Mar 2024 17:30:00 GMT", 2024, 3, 5)]
    [InlineData("Tue, 10 Oct 2023 23:00:00 EST", 2023, 10, 10)]
    [InlineData("2024.03.05 14:22", 2024, 3, 5)]
    [InlineData("입력 2024년 3월 5일 오후 2:22", 2024, 3, 5)]
    [InlineData("发布时间：2018年6月12日", 2018, 6, 12)]
    public void PublicationDatesAreReadAsTheCalendarDateWhereTheyWereWritten(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateText.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-45")]
    [InlineData("2023년 2월 30일")]
    public void TextThatIsNotADateGivesNone(string text) => Assert.Null(DateText.Parse(text));
}
