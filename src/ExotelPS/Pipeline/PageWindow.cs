namespace ExotelPS.Pipeline;

/// <summary>
/// PowerShell's -Skip and -First over a listing that arrives a page at a page, so Get-ExotelCall stops asking
/// for pages once it has what was asked for.
/// </summary>
internal sealed class PageWindow
{
    private ulong toSkip;
    private ulong toTake;

    public PageWindow(ulong skip, ulong first)
    {
        toSkip = skip;
        toTake = first;
    }

    /// <summary>True once -First items have been taken.</summary>
    public bool IsFull => toTake == 0;

    /// <summary>The page size to ask for: just enough for a small -First, else the largest page (fewest requests).</summary>
    public int PageSize(int maxPageSize)
    {
        var wanted = toSkip + toTake;
        return wanted < toTake || wanted >= (ulong)maxPageSize ? maxPageSize : Math.Max(1, (int)wanted);
    }

    /// <summary>The items of one page that fall inside the window, in order.</summary>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> page)
    {
        var taken = new List<T>();
        foreach (var item in page)
        {
            if (toSkip > 0)
            {
                toSkip--;
            }
            else if (toTake > 0)
            {
                toTake--;
                taken.Add(item);
            }
        }

        return taken;
    }
}
