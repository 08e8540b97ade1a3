namespace ExotelPS.Client.Http;

/// <summary>Exotel's error body (v1 <c>RestException</c> or a v3 envelope's <c>error_data</c>): status, message and code, each optional.</summary>
internal sealed class RestError
{
    public RestError(int? status, string? message, string? code, bool isV3 = false)
    {
        Status = status;
        Message = message;
        Code = code;
        IsV3 = isV3;
    }

    /// <summary>True when the body was a Voice v3 envelope (<c>request_id</c>, <c>response.error_data</c>): the v3 API answered.</summary>
    public bool IsV3 { get; }

    /// <summary>The HTTP-like status Exotel writes in the body, e.g. 404.</summary>
    public int? Status { get; }

    /// <summary>Exotel's explanation, e.g. <c>Resource not found</c>.</summary>
    public string? Message { get; }

    /// <summary>A machine-readable code such as <c>RATE_LIMIT_EXCEEDED</c>, when Exotel sends one.</summary>
    public string? Code { get; }
}
