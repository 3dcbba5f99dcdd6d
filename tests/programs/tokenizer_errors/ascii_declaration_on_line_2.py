#!/bin/x
# coding: ascii
abé
