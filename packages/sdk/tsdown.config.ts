import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

export default defineConfig(packageConfig());
