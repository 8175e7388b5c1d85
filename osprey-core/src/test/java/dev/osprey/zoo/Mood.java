package dev.osprey.zoo;

public enum Mood { CALM, HAPPY, FURIOUS }
