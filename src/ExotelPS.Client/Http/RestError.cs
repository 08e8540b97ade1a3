namespace ExotelPS.Client.Http;

/// <summary>Exotel's <c>RestException</c> body: its own status, message and code, each optional.</summary>
internal sealed class RestError
{
    public RestError(int? status, string? message, string? code)
    {
        Status = status;
        Message = message;
        Code = code;
    }

    /// <summary>The HTTP-like status Exotel writes in the body, e.g. 404.</summary>
    public int? Status { get; }

    /// <summary>Exotel's explanation, e.g. <c>Resource not found</c>.</summary>
    public string? Message { get; }

    /// <summary>A machine-readable code such as <c>RATE_LIMIT_EXCEEDED</c>, when Exotel sends one.</summary>
    public string? Code { get; }
}
