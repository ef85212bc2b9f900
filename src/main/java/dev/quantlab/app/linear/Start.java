package dev.quantlab.app.linear;

/** What happened when the user asked for a run: started, or what is missing. */
public enum Start { STARTED, NEED_MODEL, NEED_DATA, BUSY }
