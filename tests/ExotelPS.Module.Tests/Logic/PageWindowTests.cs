using ExotelPS.Pipeline;

namespace ExotelPS.Module.Tests.Logic;

public sealed class PageWindowTests
{
    [Fact]
    public void Skip_and_First_span_pages()
    {
        var window = new PageWindow(skip: 3, first: 4);

        Assert.Equal(new[] { 4, 5 }, window.Take(new[] { 1, 2, 3, 4, 5 }));
        Assert.False(window.IsFull);
        Assert.Equal(new[] { 6, 7 }, window.Take(new[] { 6, 7, 8 }));
        Assert.True(window.IsFull);
        Assert.Empty(window.Take(new[] { 9 }));
    }

    [Fact]
    public void Without_paging_everything_is_taken()
    {
        var window = new PageWindow(skip: 0, first: ulong.MaxValue);

        Assert.Equal(new[] { 1, 2, 3 }, window.Take(new[] { 1, 2, 3 }));
        Assert.False(window.IsFull);
    }

    [Theory]
    [InlineData(0UL, ulong.MaxValue, 100)]
    [InlineData(0UL, 5UL, 5)]
    [InlineData(10UL, 5UL, 15)]
    [InlineData(90UL, 20UL, 100)]
    [InlineData(3UL, ulong.MaxValue, 100)]
    [InlineData(0UL, 0UL, 1)]
    public void The_page_size_asked_for_is_just_enough_up_to_the_largest(ulong skip, ulong first, int expected)
    {
        Assert.Equal(expected, new PageWindow(skip, first).PageSize(100));
    }
}
