namespace Engine.Ring;

/// <summary>How many threads publish into a ring.</summary>
public enum ProducerType
{
    /// <summary>Exactly one publishing thread: the cheapest claim.</summary>
    Single,

    /// <summary>Any number of publishing threads (several feeds).</summary>
    Multi,
}
